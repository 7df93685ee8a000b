using Lockstep.Cli;

return LockstepCommand.Run(args, CliContext.FromProcess());
