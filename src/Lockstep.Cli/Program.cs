using Lockstep.Cli;

return await LockstepCommand.RunAsync(args, CliContext.FromProcess()).ConfigureAwait(false);
