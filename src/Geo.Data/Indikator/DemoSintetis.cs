using System.Globalization;
using System.Text;
using Geo.Core.Akun;
using Geo.Core.Errors;
using Geo.Core.Indikator;
using Geo.Core.Sintetis;
using Geo.Core.Wilayah;
using Geo.Data.Indikator.Import;
using Npgsql;

namespace Geo.Data.Indikator;

/// <summary>
/// Synthetic sasaran counts (S01-S16) and coverage (L01-L29) for the desa of a wilayah, written
/// as an ordinary import batch with source <c>sintetis</c>, so it is versioned, withdrawable and
/// labelled like any other data. The same seed gives the same file, whose re-import is a no-op.
/// </summary>
public sealed class DemoSintetis(NpgsqlDataSource dataSource)
{
    /// <param name="terbitkan">Walk the batch through the gate to the public, each step audited as <paramref name="oleh"/>.</param>
    public async Task<IndikatorImportReport> GenerateAsync(KodeWilayah wilayah, Periode periode, int seed, Caller oleh, bool terbitkan, CancellationToken ct = default)
    {
        var desa = new List<DesaPoint>();
        await using (var cmd = dataSource.CreateCommand("SELECT kode, ST_X(titik_label), ST_Y(titik_label) FROM wilayah WHERE tingkat = 4 AND kode LIKE $1 ORDER BY kode"))
        {
            cmd.Parameters.AddWithValue(wilayah.Value + ".%");
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) desa.Add(new DesaPoint(reader.GetString(0), reader.GetDouble(1), reader.GetDouble(2)));
        }
        if (desa.Count == 0) throw GeoException.NotFound($"tidak ada desa/kelurahan di bawah {wilayah}");

        var indikator = (await new IndikatorCatalog(dataSource).ListAsync(ct))
            .Where(i => i.Kelompok == "layanan")
            .Select(i => new DemoIndicator(i.Kode, i.TargetNasional, i.Polaritas != "turun", i.PenyebutSasaran))
            .ToList();

        var csv = new StringBuilder("kode,indikator,periode,pembilang,penyebut\n");
        foreach (var v in DemoCakupan.Generate(desa, indikator, seed))
        {
            csv.Append(CultureInfo.InvariantCulture, $"{v.Wilayah},{v.Indikator},{periode.Value},{v.Pembilang},{v.Penyebut}\n");
        }
        var name = $"sintetis-{wilayah.Value}-{periode.Value}-seed{seed}.csv";
        var report = await new IndikatorImporter(dataSource).ImportAsync(Encoding.UTF8.GetBytes(csv.ToString()), name,
            new IndikatorImportOptions(Sumber: SumberNilai.Sintetis, Wilayah: wilayah.Value, Pengguna: oleh.Nama), ct: ct);
        if (terbitkan && report.Berhasil) await new BatchStore(dataSource).PublishThroughAsync(oleh, report.Batch!.Value, ct);
        return report;
    }
}
