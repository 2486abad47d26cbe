using System.CommandLine;
using Geo.Cli;
using Geo.Cli.Commands;

var root = new RootCommand("Geo: analisis situasi stunting per desa/kelurahan");
root.Subcommands.Add(DbCommand.Create());
root.Subcommands.Add(ImportCommand.Create());
root.Subcommands.Add(DemoCommand.Create());
root.Subcommands.Add(BatchCommand.Create());
root.Subcommands.Add(AnalisisCommand.Create());
return await CliRunner.RunAsync(root, args);
