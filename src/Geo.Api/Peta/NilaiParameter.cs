using System.Collections.Concurrent;
using Geo.Core.Errors;
using Geo.Core.Indikator;
using Geo.Data.Peta;

namespace Geo.Api.Peta;

/// <summary>
/// The <c>?indikator=&amp;periode=</c> pair of tiles, TileJSON and features: both or neither, a
/// valid period, and an indicator of the catalogue (else 404). Known indicators are remembered;
/// an unknown code is looked up again each time, so a new indicator is found at once.
/// </summary>
public sealed class NilaiParameter(TileQueries queries)
{
    private readonly ConcurrentDictionary<string, bool> _known = new(StringComparer.Ordinal);

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

    /// <summary>A 404 unless the indicator is in the catalogue.</summary>
    public async Task EnsureExistsAsync(NilaiLayer nilai, CancellationToken ct)
    {
        if (_known.ContainsKey(nilai.Indikator)) return;
        if (!await queries.IndikatorExistsAsync(nilai.Indikator, ct))
        {
            throw GeoException.NotFound($"indikator '{nilai.Indikator}' tidak ada di katalog indikator");
        }
        _known[nilai.Indikator] = true;
    }

    /// <summary>The query string that carries the pair into links and tile URL templates.</summary>
    public static string QueryString(NilaiLayer? nilai) => nilai is null
        ? ""
        : $"?indikator={Uri.EscapeDataString(nilai.Indikator)}&periode={Uri.EscapeDataString(nilai.Periode.Value)}";
}
