namespace Geo.Bench.Statistik;

internal sealed record BenchOptions(string DesaFile, string Provinsi, int Permutations, int QueenRuns, int StatRuns, int RRuns, bool Waktu = false, string WaktuProvinsi = "33")
{
    public static BenchOptions Parse(string[] args)
    {
        string Value(string name, string fallback)
        {
            var at = Array.IndexOf(args, name);
            return at >= 0 && at + 1 < args.Length ? args[at + 1] : fallback;
        }
        return new BenchOptions(
            DesaFile: Value("--desa", Path.Combine(FindRoot(), "..", "shared", "data", "boundaries", "indonesia-desa.geojsonl.gz")),
            Provinsi: Value("--provinsi", "64"),
            Permutations: int.Parse(Value("--permutasi", "999")),
            QueenRuns: int.Parse(Value("--queen-runs", "3")),
            StatRuns: int.Parse(Value("--stat-runs", "5")),
            RRuns: int.Parse(Value("--r-runs", "3")),
            Waktu: args.Contains("--waktu"),
            WaktuProvinsi: Value("--provinsi-waktu", "33"));
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Geo.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("Geo.sln not found above the benchmark binaries");
    }
}
