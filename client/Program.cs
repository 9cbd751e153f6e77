// Placeholder entry point; replaced by the real CLI.
Console.WriteLine("usage: partnersim <command> [options]");
Console.WriteLine("  (placeholder - commands not implemented yet)");
return 1;
