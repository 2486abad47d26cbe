using Geo.Cli;

return await GeoCommandLine.RunAsync(args);
