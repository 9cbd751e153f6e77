using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(PartnerSim.Benchmarks.RuleEngineBenchmarks).Assembly).Run(args);
