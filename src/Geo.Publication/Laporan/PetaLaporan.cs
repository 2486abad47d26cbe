using Geo.Publication.Peta;

namespace Geo.Publication.Laporan;

/// <summary>
/// The report's maps, drawn by the static map renderer from one load: the shapes, the catalogue
/// and the values are read once, and the report's own run and analysis over time are handed over,
/// so no map reads them again (issue 14: the report had reloaded everything once per map).
/// </summary>
public sealed class PetaLaporan(PetaGambarService peta) : IPetaLaporan
{
    public async Task<IReadOnlyList<PetaFakta>> GambarAsync(PetaLaporanPermintaan permintaan, CancellationToken ct = default)
    {
        var p = permintaan;
        var a = p.Analisis;
        var muatan = new MuatanPeta().DenganRun(a, p.Run);
        if (p.Waktu is { } w) muatan.DenganWaktu(w.Request, w.Result);
        var requests = p.Lapisan.Select(kunci =>
        {
            if (!LapisanAnalisis.TryParse(kunci, out var lapisan)) throw new ArgumentException($"unknown layer {kunci}", nameof(permintaan));
            var waktu = LapisanAnalisis.Waktu(lapisan) ? p.Waktu?.Request : null;
            return new PermintaanPeta(a.Wilayah, a.Indikator, a.Periode, lapisan, Klasifikasi: null, JumlahKelas: 5, p.Lebar, p.Tinggi, a, waktu);
        }).ToList();
        // A map that cannot be drawn (no values for the layer, a temporal layer without periods)
        // leaves the report without it; the report says so in words. Access refusals still refuse the whole report.
        var drawn = await peta.RenderManyAsync(p.Caller, [.. requests.Where(r => !LapisanAnalisis.Waktu(r.Lapisan) || r.Waktu is not null)], muatan, ct);
        var byLayer = new Queue<(GambarPeta? Gambar, string? Alasan)>(drawn);
        return requests.Select(r => new PetaFakta(LapisanAnalisis.Kunci[r.Lapisan],
            !LapisanAnalisis.Waktu(r.Lapisan) || r.Waktu is not null ? byLayer.Dequeue().Gambar?.Png : null, p.Lebar, p.Tinggi)).ToList();
    }
}
