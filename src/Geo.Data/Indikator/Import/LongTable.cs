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

    public static void Parse(TableFile table, int headerRow, CatalogSummary katalog, IndikatorImportOptions options, ParsedFile result)
    {
        result.Format = "panjang";
        var header = table.Rows[headerRow].Select(h => h.Trim().ToLowerInvariant()).ToList();
        int Col(string name) => header.IndexOf(name);
        var (kode, indikator, periode, pembilang, penyebut, nilai) = (Col("kode"), Col("indikator"), Col("periode"), Col("pembilang"), Col("penyebut"), Col("nilai"));
        if (pembilang < 0 && nilai < 0) result.Reject(table.LineNumbers[headerRow], null, "kolom pembilang atau nilai tidak ada");
        if (periode < 0 && options.Periode is null) result.Reject(table.LineNumbers[headerRow], null, "kolom periode tidak ada dan --periode tidak diberikan");
        if (result.Penolakan.Count > 0) return;

        var cells = Enumerable.Range(headerRow + 1, table.Rows.Count - headerRow - 1)
            .SelectMany(r => new[] { pembilang, penyebut, nilai }.Where(c => c >= 0 && c < table.Rows[r].Length).Select(c => table.Rows[r][c]));
        var pemisah = NumberParser.DetectDecimal(cells.Take(10_000));
        var periodeBawaan = options.Periode is { } given ? Periode.Parse(given).Value : null;
        var seen = new Dictionary<(string, string, string), int>();
        var codes = new Dictionary<string, string>();

        for (var r = headerRow + 1; r < table.Rows.Count; r++)
        {
            var row = table.Rows[r];
            var line = table.LineNumbers[r];
            string Cell(int c) => c >= 0 && c < row.Length ? row[c].Trim() : "";
            if (row.All(string.IsNullOrWhiteSpace)) continue;
            result.BarisData++;

            if (!codes.TryGetValue(Cell(kode), out var wilayah))
            {
                if (!Geo.Core.Wilayah.KodeWilayah.TryParse(Cell(kode), out var parsed, out var kodeError))
                {
                    result.Reject(line, "kode", kodeError);
                    continue;
                }
                wilayah = codes[Cell(kode)] = parsed.Value;
            }

            var ind = (Cell(indikator).Length > 0 ? Cell(indikator) : options.Indikator ?? "").ToUpperInvariant();
            if (!katalog.Persen.TryGetValue(ind, out var persen))
            {
                result.Reject(line, "indikator", ind.Length == 0 ? "indikator kosong" : $"indikator '{ind}' tidak dikenal");
                continue;
            }

            string per;
            if (Cell(periode).Length == 0 && periodeBawaan is not null) per = periodeBawaan;
            else if (Periode.TryParse(Cell(periode), out var parsedPeriode, out var periodeError)) per = parsedPeriode.Value;
            else
            {
                result.Reject(line, "periode", periodeError);
                continue;
            }

            double? Number(int c, string name, ref bool failed)
            {
                if (c < 0) return null;
                switch (NumberParser.TryParse(Cell(c), pemisah, out var v))
                {
                    case NumberParser.Outcome.Number: return v;
                    case NumberParser.Outcome.Empty: return null;
                    default:
                        result.Reject(line, name, $"angka '{Cell(c)}' tidak terbaca");
                        failed = true;
                        return null;
                }
            }

            var bad = false;
            var (p, q, v) = (Number(pembilang, "pembilang", ref bad), Number(penyebut, "penyebut", ref bad), Number(nilai, "nilai", ref bad));
            if (bad) continue;
            var (clean, alasan) = IncomingValue.Check(persen, p, q, v);
            if (alasan is not null)
            {
                result.Reject(line, "pembilang/penyebut/nilai", alasan);
                continue;
            }
            if (clean is null)
            {
                result.SelKosong++;
                continue;
            }
            if (!seen.TryAdd((wilayah, ind, per), line))
            {
                result.Reject(line, "kode", $"baris ganda: {wilayah} {ind} {per} sudah ada di baris {seen[(wilayah, ind, per)]}");
                continue;
            }
            result.Rows.Add(new IncomingRow(line, "nilai", false, ind, per, wilayah, clean));
        }
    }
}
