using Geo.Core.Text;
using Geo.Core.Indikator;

namespace Geo.Data.Indikator.Import;

/// <summary>
/// The long layout, one value a row: <c>kode,indikator,periode,pembilang,penyebut[,nilai]</c>.
/// Wilayah codes are checked against the database after staging, not here.
/// </summary>
public static class LongTable
{
    public static bool Recognise(string[] header)
    {
        var names = header.Select(h => h.Trim().ToLowerInvariant()).ToList();
        return names.Contains("kode") && names.Contains("indikator");
    }

    /// <summary>Rows before the header (blank ones, a title) are skipped; rows are read once, as they come.</summary>
    public static void Parse(IEnumerable<(string[] Cells, int Line)> rows, CatalogSummary katalog, IndikatorImportOptions options, ParsedFile result)
    {
        result.Format = "panjang";
        using var reading = rows.SkipWhile(r => r.Cells.All(string.IsNullOrWhiteSpace)).GetEnumerator();
        if (!reading.MoveNext()) return;
        var (headerCells, headerLine) = reading.Current;
        var header = headerCells.Select(h => h.Trim().ToLowerInvariant()).ToList();
        int Col(string name) => header.IndexOf(name);
        var (kode, indikator, periode, pembilang, penyebut, nilai) = (Col("kode"), Col("indikator"), Col("periode"), Col("pembilang"), Col("penyebut"), Col("nilai"));
        if (pembilang < 0 && nilai < 0) result.Reject(headerLine, null, "kolom pembilang atau nilai tidak ada");
        if (periode < 0 && options.Periode is null) result.Reject(headerLine, null, "kolom periode tidak ada dan --periode tidak diberikan");
        if (result.Penolakan.Count > 0) return;

        // The decimal separator is judged on the first rows' numbers, so those are held back until then.
        var ahead = new List<(string[] Cells, int Line)>();
        while (ahead.Count < DecimalSampleRows && reading.MoveNext()) ahead.Add(reading.Current);
        var pemisah = NumberParser.DetectDecimal(ahead.SelectMany(r =>
            new[] { pembilang, penyebut, nilai }.Where(c => c >= 0 && c < r.Cells.Length).Select(c => r.Cells[c])));
        var parser = new RowParser(kode, indikator, periode, pembilang, penyebut, nilai, pemisah, katalog, options, result);
        foreach (var row in ahead) parser.Add(row.Cells, row.Line);
        ahead.Clear();
        while (reading.MoveNext()) parser.Add(reading.Current.Cells, reading.Current.Line);
    }

    private const int DecimalSampleRows = 4_000;


    /// <summary>
    /// Turns rows into values. Codes, indicators and periods repeat down a long table, so each
    /// distinct text is parsed once and its value shared by every row that has it. The same value
    /// twice is found after staging, in SQL, with the other checks across rows.
    /// </summary>
    private sealed class RowParser(int kode, int indikator, int periode, int pembilang, int penyebut, int nilai,
        DecimalSeparator pemisah, CatalogSummary katalog, IndikatorImportOptions options, ParsedFile result)
    {
        private readonly string? _periodeBawaan = options.Periode is { } given ? Periode.Parse(given).Value : null;
        private readonly Dictionary<string, string> _codes = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _indicators = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _periods = new(StringComparer.Ordinal);

        public void Add(string[] row, int line)
        {
            string Cell(int c) => c >= 0 && c < row.Length ? row[c].Trim() : "";
            if (row.All(string.IsNullOrWhiteSpace)) return;
            result.BarisData++;

            var rawKode = Cell(kode);
            if (!_codes.TryGetValue(rawKode, out var wilayah))
            {
                if (!Geo.Core.Wilayah.KodeWilayah.TryParse(rawKode, out var parsed, out var kodeError))
                {
                    result.Reject(line, "kode", kodeError);
                    return;
                }
                wilayah = _codes[rawKode] = parsed.Value;
            }

            var rawIndikator = Cell(indikator).Length > 0 ? Cell(indikator) : options.Indikator ?? "";
            // Only known codes are remembered, so a file of distinct garbage does not grow the cache.
            if (!_indicators.TryGetValue(rawIndikator, out var ind))
            {
                ind = rawIndikator.ToUpperInvariant();
                if (!katalog.Persen.ContainsKey(ind))
                {
                    result.Reject(line, "indikator", ind.Length == 0 ? "indikator kosong" : $"indikator '{UserText.Shorten(ind)}' tidak dikenal");
                    return;
                }
                _indicators[rawIndikator] = ind;
            }
            var persen = katalog.Persen[ind];

            var rawPeriode = Cell(periode);
            if (!_periods.TryGetValue(rawPeriode, out var per))
            {
                if (rawPeriode.Length == 0 && _periodeBawaan is not null) per = _periodeBawaan;
                else if (Periode.TryParse(rawPeriode, out var parsedPeriode, out var periodeError)) per = parsedPeriode.Value;
                else
                {
                    result.Reject(line, "periode", periodeError);
                    return;
                }
                _periods[rawPeriode] = per;
            }

            double? Number(int c, string name, ref bool failed)
            {
                if (c < 0) return null;
                var outcome = NumberParser.TryParse(Cell(c), pemisah, out var v);
                switch (outcome)
                {
                    case NumberParser.Outcome.Number: return v;
                    case NumberParser.Outcome.Empty: return null;
                    default:
                        result.Reject(line, name, NumberParser.Reason(outcome, Cell(c))!);
                        failed = true;
                        return null;
                }
            }

            var bad = false;
            var (p, q, v) = (Number(pembilang, "pembilang", ref bad), Number(penyebut, "penyebut", ref bad), Number(nilai, "nilai", ref bad));
            if (bad) return;
            var (clean, alasan) = IncomingValue.Check(persen, p, q, v);
            if (alasan is not null)
            {
                result.Reject(line, "pembilang/penyebut/nilai", alasan);
                return;
            }
            if (clean is null)
            {
                result.SelKosong++;
                return;
            }
            result.Add(new IncomingRow(line, "nilai", false, ind, per, wilayah, clean));
        }
    }
}
