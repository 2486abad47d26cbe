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
        var indikator = Single(query, "indikator");
        var periode = Single(query, "periode");
        if (indikator.Length == 0 && periode.Length == 0) return null;
        if (indikator.Length == 0 || periode.Length == 0)
        {
            throw GeoException.Invalid("indikator dan periode harus diisi bersama, misalnya ?indikator=PREV_STUNTING&periode=2022-08");
        }
        if (!Periode.TryParse(periode, out var parsed, out var error)) throw GeoException.Parameter("periode", error);
        return new NilaiLayer(indikator, parsed);
    }

    /// <summary>
    /// One value: a client that adds its own query to every URL (GDAL's OAPIF driver does) may repeat
    /// a pair our links already carry; the same value twice is that value, two values are a 400.
    /// </summary>
    private static string Single(IQueryCollection query, string name)
    {
        var values = query[name].Select(v => (v ?? "").Trim()).Distinct(StringComparer.Ordinal).ToList();
        return values.Count switch
        {
            0 => "",
            1 => values[0],
            _ => throw GeoException.Parameter(name, $"hanya satu nilai, bukan {values.Count}"),
        };
    }

    /// <summary>The query string that carries the pair into links and tile URL templates.</summary>
    public static string QueryString(NilaiLayer? nilai) => nilai is null
        ? ""
        : $"?indikator={Uri.EscapeDataString(nilai.Indikator)}&periode={Uri.EscapeDataString(nilai.Periode.Value)}";
}
