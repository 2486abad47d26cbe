using Geo.Core.Wilayah;
using Geo.Data.Tests.Support;
using Geo.Data.Wilayah.Import;

namespace Geo.Data.Tests.Indikator;

public static class KotaMetroData
{
    public const string Tsv = "kota-metro-eppgbm-2022.tsv";

    public static string TsvPath => DataFiles.Shared(Path.Combine("indikator", Tsv));

    public static async Task LoadBoundariesAsync(PostgisDatabase db)
    {
        var importer = new BoundaryImporter(db.DataSource);
        await importer.ImportAsync(DataFiles.Boundaries("kota-metro-kecamatan.geojson"), new BoundaryImportOptions(Tingkat.Kecamatan));
        await importer.ImportAsync(DataFiles.Boundaries("kota-metro-kelurahan.geojson"), new BoundaryImportOptions(Tingkat.Desa));
    }

    /// <summary>The TSV's kelurahan rows as printed, read here independently of the importer: (kecamatan, puskesmas, kelurahan, 2022, 2023, 2024).</summary>
    public static IReadOnlyList<(string Kecamatan, string Puskesmas, string Kelurahan, double Capaian, double Target2023, double Target2024)> Rows() =>
        File.ReadAllLines(TsvPath)
            .Select(l => l.Split('\t'))
            .Where(c => int.TryParse(c[0], out _) && c[1].Any(char.IsLetter))
            .Select(c => (c[1], c[2], c[3], D(c[4]), D(c[5]), D(c[6])))
            .ToList();

    private static double D(string s) => double.Parse(s.Replace(',', '.'), System.Globalization.CultureInfo.InvariantCulture);
}
