using Geo.Core.Akun;
using Geo.Data.Analisis;

namespace Geo.Publication.Laporan;

/// <summary>
/// The map images of one report: the units of the analysed area, drawn as each of
/// <paramref name="Lapisan"/> (as <c>/api/peta.png</c> names them), seen as <paramref name="Caller"/> may see it.
/// </summary>
/// <param name="Analisis">The analysis the report is written from, so that class, LISA, Gi* and exceedance maps show the same run as the text.</param>
/// <param name="Run">That run, already loaded: the maps draw from it rather than finding it again.</param>
/// <param name="Waktu">The analysis over time behind the change and emerging hot spot maps (null with one period), and its result.</param>
public sealed record PetaLaporanPermintaan(
    Caller Caller, AnalysisRequest Analisis, StoredAnalysis Run, (TemporalRequest Request, TemporalResult Result)? Waktu,
    IReadOnlyList<string> Lapisan, int Lebar, int Tinggi);

/// <summary>Draws a report's maps as PNG; the static map renderer answers it.</summary>
public interface IPetaLaporan
{
    /// <summary>One entry per layer asked for, in order; its PNG is null when no image can be made (the report then says so in words).</summary>
    Task<IReadOnlyList<PetaFakta>> GambarAsync(PetaLaporanPermintaan permintaan, CancellationToken ct = default);
}

/// <summary>No map renderer: every report says its maps are not available.</summary>
public sealed class TanpaPeta : IPetaLaporan
{
    public Task<IReadOnlyList<PetaFakta>> GambarAsync(PetaLaporanPermintaan permintaan, CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<PetaFakta>>(permintaan.Lapisan.Select(l => new PetaFakta(l, null, permintaan.Lebar, permintaan.Tinggi)).ToList());
}
