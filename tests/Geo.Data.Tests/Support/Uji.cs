using Geo.Core.Akun;
using Geo.Data.Indikator;
using Geo.Data.Indikator.Import;

namespace Geo.Data.Tests.Support;

/// <summary>Callers for data-layer tests, and the walk of an imported batch through the gate.</summary>
public static class Uji
{
    /// <summary>Every role, the whole country (as the CLI acts).</summary>
    public static Caller Lokal { get; } = Caller.Lokal("lokal:uji");

    public static Caller Dengan(string nama, string? wilayah, params Peran[] peran) =>
        new(nama, wilayah is null ? Core.Wilayah.WilayahScope.Nasional : Core.Wilayah.WilayahScope.Within(Core.Wilayah.KodeWilayah.Parse(wilayah)),
            peran.ToHashSet());

    /// <summary>Verifies, approves and publishes the batch of a successful import, as <see cref="Lokal"/>.</summary>
    public static async Task<ImportBatch> TerbitkanAsync(PostgisDatabase db, IndikatorImportReport report)
    {
        Assert.True(report.Berhasil, string.Join("\n", report.Penolakan));
        return await new BatchStore(db.DataSource).PublishThroughAsync(Lokal, report.Batch!.Value);
    }
}
