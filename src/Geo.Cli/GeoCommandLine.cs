using System.CommandLine;
using Geo.Cli.Commands;

namespace Geo.Cli;

/// <summary>The `geo` command tree, built in one place for the program and its tests.</summary>
public static class GeoCommandLine
{
    public static RootCommand Create()
    {
        var root = new RootCommand("Geo: analisis situasi stunting per desa/kelurahan");
        root.Subcommands.Add(DbCommand.Create());
        root.Subcommands.Add(ImportCommand.Create());
        root.Subcommands.Add(DemoCommand.Create());
        root.Subcommands.Add(BatchCommand.Create());
        root.Subcommands.Add(AnalisisCommand.Create());
        root.Subcommands.Add(LaporanCommand.Create());
        root.Subcommands.Add(PetaCommand.Create());
        root.Subcommands.Add(AkunCommand.Create());
        root.Subcommands.Add(EksporCommand.Create());
        root.Subcommands.Add(PekerjaanCommand.Create());
        return root;
    }

    public static Task<int> RunAsync(string[] args) => CliRunner.RunAsync(Create(), args);
}
