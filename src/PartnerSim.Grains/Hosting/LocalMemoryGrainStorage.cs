using System.Collections.Concurrent;
using Orleans.Storage;

namespace PartnerSim.Grains;

/// <summary>
/// In-memory grain storage local to one silo: a dictionary of serialized states. Orleans' own memory storage
/// routes every read and write through storage grains, so each of a million partner activations cost an
/// extra grain call; here it is a dictionary lookup. For the embedded single-silo host only: a cluster
/// (several silos) uses PostgreSQL, whose state survives a restart.
/// </summary>
public sealed class LocalMemoryGrainStorage(IGrainStorageSerializer serializer) : IGrainStorage
{
    private readonly ConcurrentDictionary<(string, GrainId), (BinaryData Data, long Version)> _states = new();

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (_states.TryGetValue((stateName, grainId), out var stored))
        {
            grainState.State = serializer.Deserialize<T>(stored.Data);
            grainState.ETag = stored.Version.ToString(System.Globalization.CultureInfo.InvariantCulture);
            grainState.RecordExists = true;
        }
        return Task.CompletedTask;
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var data = serializer.Serialize(grainState.State);
        var stored = _states.AddOrUpdate((stateName, grainId), (data, 1), (_, old) => (data, old.Version + 1));
        grainState.ETag = stored.Version.ToString(System.Globalization.CultureInfo.InvariantCulture);
        grainState.RecordExists = true;
        return Task.CompletedTask;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        _states.TryRemove((stateName, grainId), out _);
        grainState.ETag = null;
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }

    public int Count => _states.Count;
}
