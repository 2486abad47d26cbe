namespace Geo.Core.Indikator;

/// <summary>
/// Ties names from a file to the wilayah under one parent, in rounds from strict to loose:
/// exact after normalising, equal without spaces and punctuation, one name's words contained in
/// the other's ("Sumbersari" in "Sumbersari Bantul"), then a small edit distance. A round that
/// finds two or more candidates refuses rather than guesses.
/// </summary>
public sealed class NameMatcher
{
    private readonly IReadOnlyList<(WilayahCandidate Kandidat, string Normal, string Compact, IReadOnlyList<string> Words)> _candidates;

    public NameMatcher(IEnumerable<WilayahCandidate> candidates)
    {
        _candidates = candidates
            .Select(c =>
            {
                var normal = WilayahNameNormaliser.Normalise(c.Nama);
                return (c, normal, WilayahNameNormaliser.Compact(normal), WilayahNameNormaliser.Words(normal));
            })
            .ToList();
    }

    public NameMatch Match(string name)
    {
        var normal = WilayahNameNormaliser.Normalise(name);
        var compact = WilayahNameNormaliser.Compact(normal);
        if (compact.Length == 0) return new NameMatch(null, null, []);

        var exact = _candidates.Where(c => c.Normal == normal).ToList();
        if (exact.Count > 0) return Decide(exact.Select(c => c.Kandidat).ToList(), MatchKind.Exact);

        var compactEqual = _candidates.Where(c => c.Compact == compact).ToList();
        if (compactEqual.Count > 0) return Decide(compactEqual.Select(c => c.Kandidat).ToList(), MatchKind.IgnoringSpaces);

        var words = WilayahNameNormaliser.Words(normal);
        var partial = _candidates.Where(c => IsWordPrefix(words, c.Words) || IsWordPrefix(c.Words, words)).ToList();
        if (partial.Count > 0) return Decide(partial.Select(c => c.Kandidat).ToList(), MatchKind.PartialName);

        // One edit per five letters, at least one: "Purwoasri"/"Purwosari" are two apart and both
        // real names, which is why a tie at the best distance is refused.
        var limit = Math.Max(1, compact.Length / 5);
        var scored = _candidates
            .Select(c => (c.Kandidat, Distance: WilayahNameNormaliser.EditDistance(compact, c.Compact)))
            .Where(x => x.Distance <= limit)
            .OrderBy(x => x.Distance)
            .ToList();
        if (scored.Count == 0) return new NameMatch(null, null, []);
        var best = scored.Where(x => x.Distance == scored[0].Distance).Select(x => x.Kandidat).ToList();
        return Decide(best, MatchKind.SimilarSpelling, scored[0].Distance);
    }

    private static NameMatch Decide(List<WilayahCandidate> found, MatchKind cara, int distance = 0) =>
        found.Count == 1 ? new NameMatch(found[0], cara, [], distance) : new NameMatch(null, cara, found, distance);

    /// <summary>True when <paramref name="shorter"/>'s words start <paramref name="longer"/>'s word list (and are fewer).</summary>
    private static bool IsWordPrefix(IReadOnlyList<string> shorter, IReadOnlyList<string> longer) =>
        shorter.Count > 0 && shorter.Count < longer.Count && shorter.Select((w, i) => longer[i] == w).All(x => x);
}
