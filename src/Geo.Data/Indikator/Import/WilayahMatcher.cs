using Geo.Core.Indikator;
using Geo.Core.Wilayah;

namespace Geo.Data.Indikator.Import;

/// <summary>
/// Finds the wilayah of a row under the import's parent: by code, or by name among the desa of
/// the parent (of the row's kecamatan, when the table has one). Every non-exact match is listed;
/// an ambiguous or unknown name is refused with the candidates.
/// </summary>
public sealed class WilayahMatcher
{
    private readonly KodeWilayah? _induk;
    private readonly Dictionary<string, WilayahInScope> _byCode;
    private readonly Dictionary<string, NameMatcher> _desaByParent = [];
    private readonly NameMatcher _kecamatan;
    private readonly Dictionary<string, NameMatch> _kecamatanCache = [];

    public WilayahMatcher(KodeWilayah? induk, IReadOnlyList<WilayahInScope> wilayah)
    {
        _induk = induk;
        _byCode = wilayah.ToDictionary(w => w.Kode);
        var desa = wilayah.Where(w => w.Tingkat == Tingkat.Desa).ToList();
        _desaByParent[""] = new NameMatcher(desa.Select(w => new WilayahCandidate(w.Kode, w.Nama)));
        foreach (var byKec in desa.GroupBy(w => w.Kode[..8]))
        {
            _desaByParent[byKec.Key] = new NameMatcher(byKec.Select(w => new WilayahCandidate(w.Kode, w.Nama)));
        }
        _kecamatan = new NameMatcher(wilayah.Where(w => w.Tingkat == Tingkat.Kecamatan).Select(w => new WilayahCandidate(w.Kode, w.Nama)));
    }

    public string? ByCode(string text, out string? error)
    {
        if (!KodeWilayah.TryParse(text, out var kode, out error)) return null;
        if (_induk is { } root && !kode.IsWithin(root))
        {
            error = $"kode {kode} di luar wilayah {root}";
            return null;
        }
        if (_induk is not null && !_byCode.ContainsKey(kode.Value))
        {
            error = $"kode {kode} tidak ada di tabel wilayah";
            return null;
        }
        return kode.Value;
    }

    public string? ByName(string name, string? kecamatan, int line, string column, ParsedFile result)
    {
        if (name.Length == 0)
        {
            result.Reject(line, column, "nama desa/kelurahan kosong");
            return null;
        }
        var parent = "";
        if (_induk is { Tingkat: Tingkat.Kecamatan } kec) parent = kec.Value;
        else if (!string.IsNullOrWhiteSpace(kecamatan))
        {
            if (!_kecamatanCache.TryGetValue(kecamatan, out var found)) _kecamatanCache[kecamatan] = found = _kecamatan.Match(kecamatan);
            if (!Accept(found, kecamatan, line, "kecamatan", result)) return null;
            parent = found.Wilayah!.Kode;
        }

        if (!_desaByParent.TryGetValue(parent, out var matcher))
        {
            result.Reject(line, column, $"tidak ada desa/kelurahan di bawah {parent} dalam tabel wilayah");
            return null;
        }
        var match = matcher.Match(name);
        return Accept(match, name, line, column, result) ? match.Wilayah!.Kode : null;
    }

    private bool Accept(NameMatch match, string name, int line, string column, ParsedFile result)
    {
        var where = _induk is { } root ? $" di {root}" : "";
        if (match.IsAmbiguous)
        {
            result.Reject(line, column, $"'{name}' ambigu{where}: {string.Join(", ", match.Ambigu.Select(a => $"{a.Nama} ({a.Kode})"))}");
            return false;
        }
        if (!match.Cocok)
        {
            result.Reject(line, column, $"'{name}' tidak ditemukan{where}");
            return false;
        }
        if (match.Cara != MatchKind.Exact)
        {
            result.TidakPersis.Add(new WilayahMatch(line, name, match.Wilayah!.Kode, match.Wilayah.Nama, MatchKindName(match.Cara!.Value), match.Jarak));
        }
        return true;
    }

    private static string MatchKindName(MatchKind cara) => cara switch
    {
        MatchKind.IgnoringSpaces => "tanpa_spasi",
        MatchKind.PartialName => "sebagian_nama",
        MatchKind.SimilarSpelling => "ejaan_mirip",
        MatchKind.Kode => "kode",
        _ => "persis",
    };
}
