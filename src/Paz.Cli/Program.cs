// The only place that touches the real console: everything else writes to the writers it is given.
return Paz.Cli.PazApp.Run(args, Console.Out, Console.Error);
