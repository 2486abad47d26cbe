using Geo.Core.Errors;
using Geo.Publication.Peta;

namespace Geo.Publication.Laporan;

/// <summary>The report's maps, drawn by the static map renderer with the report's own analysis request.</summary>
public sealed class PetaLaporan(PetaGambarService peta) : IPetaLaporan
{
    public async Task<byte[]?> PngAsync(PetaPermintaan permintaan, CancellationToken ct = default)
    {
        var p = permintaan;
        if (!LapisanAnalisis.TryParse(p.Lapisan, out var lapisan)) throw new ArgumentException($"unknown layer {p.Lapisan}", nameof(permintaan));
        var request = new PermintaanPeta(p.Wilayah, p.Indikator, p.Periode, lapisan, Klasifikasi: null, JumlahKelas: 5, p.Lebar, p.Tinggi, p.Analisis);
        try
        {
            return (await peta.RenderAsync(p.Caller, request, ct)).Png;
        }
        catch (GeoException e) when (e.Kind is GeoErrorKind.NotFound or GeoErrorKind.Invalid)
        {
            // A map that cannot be drawn (no values for the layer, no shapes) leaves the report without
            // it; the report says so in words. Access refusals still refuse the whole report.
            return null;
        }
    }
}
