using Geo.Data.Analisis;
using Geo.Data.Indikator;
using Geo.Data.Lokus;

namespace Geo.Publication.Laporan;

/// <summary>One period of the outcome's trend: the area's roll-up in that period.</summary>
public sealed record TrenPeriode(string Periode, WilayahRollUp RollUp);

/// <summary>A coverage indicator of the run, with its roll-up to the area (value, target, how many desa reported, sources).</summary>
public sealed record CakupanFakta(IndikatorInfo Info, WilayahRollUp? Area);

/// <summary>A map of the report: the layer, its PNG (null when none could be drawn) and its pixel size.</summary>
public sealed record PetaFakta(string Lapisan, byte[]? Png, int Lebar, int Tinggi);

/// <summary>
/// Everything a report says, read once through the queries every other reader uses (so the caller's
/// area and view apply): the stored analysis run, the outcome's roll-ups (Σpembilang/Σpenyebut) for
/// the area and each kecamatan, its trend, the coverage roll-ups, the final lokus list and the maps.
/// </summary>
/// <param name="Kecamatan">Outcome roll-ups of the kecamatan inside the area (empty when the area is one).</param>
/// <param name="HasilUnitSintetis">Any analysed unit's own outcome value is synthetic (a roll-up can also be synthetic through synthetic sasaran weights).</param>
/// <param name="Tren">The area's outcome in every period with published values, oldest first (the run's period included).</param>
/// <param name="Lokus">The final lokus list of the area's kab/kota for the period's year, when there is one.</param>
/// <param name="Waktu">Change, trend and emerging hot spots across the periods up to the report's, when there are several.</param>
/// <param name="WaktuTidakTersedia">Why there is no analysis over time although there are several periods; null otherwise.</param>
public sealed record LaporanFakta(
    AnalysisRequest Request,
    StoredAnalysis Run,
    string NamaWilayah,
    IndikatorInfo Hasil,
    WilayahRollUp? Area,
    IReadOnlyList<WilayahRollUp> Kecamatan,
    bool HasilUnitSintetis,
    IReadOnlyList<TrenPeriode> Tren,
    IReadOnlyList<CakupanFakta> Cakupan,
    LokusDetail? Lokus,
    IReadOnlyList<PetaFakta> Peta,
    DateTimeOffset Dibuat,
    TemporalResult? Waktu = null,
    string? WaktuTidakTersedia = null);
