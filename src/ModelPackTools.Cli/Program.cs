return ModelPackTools.Cli.ModelPackCommandLine.Run(args, Console.Out, Console.Error);
