using Geo.Core.Errors;
using Geo.Core.Indikator;
using Geo.Data.Peta;

namespace Geo.Api.Peta;

/// <summary>
/// The <c>?indikator=&amp;periode=</c> pair of tiles, TileJSON and features: both or neither, and
/// a valid period (whether the indicator exists, <see cref="TileQueries.EnsureIndikatorAsync"/> says).
/// </summary>
public static class NilaiParameter
{
    /// <summary>Parses without touching the database: null when neither is given, a 400 when malformed.</summary>
    public static NilaiLayer? Read(IQueryCollection query)
    {
        var indikator = query["indikator"].ToString().Trim();
        var periode = query["periode"].ToString().Trim();
        if (indikator.Length == 0 && periode.Length == 0) return null;
        if (indikator.Length == 0 || periode.Length == 0)
        {
            throw GeoException.Invalid("indikator dan periode harus diisi bersama, misalnya ?indikator=PREV_STUNTING&periode=2022-08");
        }
        if (!Periode.TryParse(periode, out var parsed, out var error)) throw GeoException.Parameter("periode", error);
        return new NilaiLayer(indikator, parsed);
    }

    /// <summary>The query string that carries the pair into links and tile URL templates.</summary>
    public static string QueryString(NilaiLayer? nilai) => nilai is null
        ? ""
        : $"?indikator={Uri.EscapeDataString(nilai.Indikator)}&periode={Uri.EscapeDataString(nilai.Periode.Value)}";
}
