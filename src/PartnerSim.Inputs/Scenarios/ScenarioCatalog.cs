namespace PartnerSim.Inputs.Scenarios;

/// <summary>The scenarios of a directory (<c>*.yaml</c>), each loaded to read its name and description.</summary>
public static class ScenarioCatalog
{
    /// <summary>
    /// Name, description and full path of every scenario in <paramref name="scenariosDir"/>, sorted by name.
    /// Throws a <see cref="ScenarioException"/> with the errors of every file that fails to load.
    /// </summary>
    public static IReadOnlyList<(string Name, string Description, string Path)> List(string scenariosDir)
    {
        var entries = new List<(string Name, string Description, string Path)>();
        var errors = new List<ScenarioError>();
        foreach (var file in Directory.EnumerateFiles(scenariosDir, "*.yaml").Order(StringComparer.Ordinal))
        {
            try
            {
                var options = ScenarioLoader.Load(file);
                entries.Add((options.Run.Name, options.Run.Description, System.IO.Path.GetFullPath(file)));
            }
            catch (ScenarioException e) { errors.AddRange(e.Errors); }
        }
        if (errors.Count > 0) throw new ScenarioException(errors);
        return entries.OrderBy(e => e.Name, StringComparer.Ordinal).ToList();
    }
}
