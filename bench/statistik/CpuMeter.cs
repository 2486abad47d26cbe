using System.Diagnostics;
using Npgsql;

namespace Geo.Bench.Statistik;

/// <summary>
/// CPU seconds used, as well as wall time: the benchmark machine is shared, and under load the
/// wall time says more about the neighbours than about the code. PostgreSQL's CPU is read from
/// /proc: every live child of the postmaster, plus what the postmaster reaped from children that
/// ended (the parallel workers of a query). Needs the cluster on this host.
/// </summary>
internal sealed class CpuMeter
{
    private static readonly double TicksPerSecond = 100.0;
    private readonly int _postmaster;

    private CpuMeter(int postmaster) => _postmaster = postmaster;

    public static async Task<CpuMeter?> ForAsync(NpgsqlDataSource dataSource)
    {
        await using var cmd = dataSource.CreateCommand("SELECT current_setting('data_directory')");
        var dataDirectory = (string)(await cmd.ExecuteScalarAsync())!;
        var pidFile = Path.Combine(dataDirectory, "postmaster.pid");
        return File.Exists(pidFile) ? new CpuMeter(int.Parse(File.ReadLines(pidFile).First())) : null;
    }

    public double PostgresSeconds()
    {
        var ticks = Fields(_postmaster) is { } own ? own.Utime + own.Stime + own.Cutime + own.Cstime : 0;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid) || pid == _postmaster) continue;
            if (Fields(pid) is { } f && f.Ppid == _postmaster) ticks += f.Utime + f.Stime;
        }
        return ticks / TicksPerSecond;
    }

    public static double OwnSeconds() => Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;

    private readonly record struct Stat(int Ppid, long Utime, long Stime, long Cutime, long Cstime);

    private static Stat? Fields(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/stat");
            // fields after "(comm)": state ppid ... utime(14) stime(15) cutime(16) cstime(17), counted from 1
            var rest = text[(text.LastIndexOf(')') + 2)..].Split(' ');
            return new Stat(int.Parse(rest[1]), long.Parse(rest[11]), long.Parse(rest[12]), long.Parse(rest[13]), long.Parse(rest[14]));
        }
        catch (IOException)
        {
            return null;
        }
    }
}
