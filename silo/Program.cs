using PartnerSim.Silo;

// Stand-alone silo. Without --postgres: localhost clustering and in-memory storage (ports 11111/30000).
// With --postgres: a member of a PostgreSQL-backed cluster (see ClusterSilo); start several for a cluster.
return await SiloCommand.RunAsync(args, Console.Out, Console.Error);
