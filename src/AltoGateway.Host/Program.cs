using AltoGateway.Host.Cli;

return await AltogwCommandLine.InvokeAsync(args).ConfigureAwait(false);
