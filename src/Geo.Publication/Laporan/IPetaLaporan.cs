using Geo.Core.Akun;
using Geo.Core.Indikator;
using Geo.Core.Wilayah;
using Geo.Data.Analisis;

namespace Geo.Publication.Laporan;

/// <summary>
/// The map image a report shows: the units of <paramref name="Wilayah"/> for one indicator and
/// period, drawn as <paramref name="Lapisan"/> (<c>nilai</c>, <c>kelas</c>, <c>lisa</c>, <c>gi</c>,
/// <c>eb</c>, as <c>/api/peta.png</c> takes them), seen as <paramref name="Caller"/> may see it.
/// </summary>
/// <param name="Analisis">The analysis the report is written from, so that class, LISA and Gi* maps show the same run as the text.</param>
public sealed record PetaPermintaan(
    Caller Caller, KodeWilayah Wilayah, string Indikator, Periode Periode, string Lapisan, int Lebar, int Tinggi, AnalysisRequest Analisis);

/// <summary>Draws a report's maps as PNG; the static map renderer answers it.</summary>
public interface IPetaLaporan
{
    /// <summary>The PNG bytes, or null when no image can be made (the report then says so in words).</summary>
    Task<byte[]?> PngAsync(PetaPermintaan permintaan, CancellationToken ct = default);
}

/// <summary>No map renderer: every report says its maps are not available.</summary>
public sealed class TanpaPeta : IPetaLaporan
{
    public Task<byte[]?> PngAsync(PetaPermintaan permintaan, CancellationToken ct = default) => Task.FromResult<byte[]?>(null);
}
