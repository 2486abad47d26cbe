using System.Collections.Concurrent;
using Geo.Api.Endpoints;
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

    /// <summary>Parses without touching the database; <paramref name="problem"/> is the 400 to return.</summary>
    public static bool TryRead(IQueryCollection query, out NilaiLayer? nilai, out IResult? problem)
    {
        nilai = null;
        problem = null;
        var indikator = query["indikator"].ToString().Trim();
        var periode = query["periode"].ToString().Trim();
        if (indikator.Length == 0 && periode.Length == 0) return true;
        if (indikator.Length == 0 || periode.Length == 0)
        {
            problem = Problems.BadRequest("indikator dan periode harus diisi bersama, misalnya ?indikator=PREV_STUNTING&periode=2022-08");
            return false;
        }
        if (!Periode.TryParse(periode, out var parsed, out var error))
        {
            problem = Problems.BadRequest(error);
            return false;
        }
        nilai = new NilaiLayer(indikator, parsed);
        return true;
    }

    /// <summary>Null when the indicator exists, else the 404 to return.</summary>
    public async Task<IResult?> CheckExistsAsync(NilaiLayer nilai, CancellationToken ct)
    {
        if (_known.ContainsKey(nilai.Indikator)) return null;
        if (!await queries.IndikatorExistsAsync(nilai.Indikator, ct))
        {
            return Problems.NotFound($"indikator '{nilai.Indikator}' tidak ada di katalog indikator");
        }
        _known[nilai.Indikator] = true;
        return null;
    }

    /// <summary>The query string that carries the pair into links and tile URL templates.</summary>
    public static string QueryString(NilaiLayer? nilai) => nilai is null
        ? ""
        : $"?indikator={Uri.EscapeDataString(nilai.Indikator)}&periode={Uri.EscapeDataString(nilai.Periode.Value)}";
}
