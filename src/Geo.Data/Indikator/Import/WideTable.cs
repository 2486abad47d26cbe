using System.Globalization;
using Geo.Core.Indikator;
using Geo.Core.Wilayah;

namespace Geo.Data.Indikator.Import;

/// <summary>
/// Wide tables as printed in regulations and kept in spreadsheets: one row per desa, names or
/// codes, one or more value columns whose headers say the indicator, the year, and whether it
/// is a capaian, a count or a target.
/// </summary>
public static class WideTable
{
    /// <param name="maksimumPanjangNama">Longest desa or grouping name taken (<see cref="Geo.Core.Import.ImportLimits.MaksimumPanjangNama"/>).</param>
    public static void Parse(TableFile table, CatalogSummary katalog, IndikatorImportOptions options,
        KodeWilayah? induk, IReadOnlyList<WilayahInScope> wilayah, int maksimumPanjangNama, ParsedFile result)
    {
        result.Format = "lebar";
        TableLayout layout;
        try
        {
            layout = TableLayout.Detect(table.Rows);
        }
        catch (FormatException e)
        {
            result.Reject(0, null, e.Message);
            return;
        }
        var line = (int r) => table.LineNumbers[r];
        string Cell(int r, int c) => c < table.Rows[r].Length ? table.Rows[r][c].Trim() : "";

        var roles = layout.Kolom
            .Select(k => TableColumnRole.Classify(k, layout.BarisData.Select(r => Cell(r, k.Indeks)).ToList(), katalog.Kode, options.Indikator?.ToUpperInvariant()))
            .ToList();
        var kodeCol = roles.FirstOrDefault(r => r.Peran == ColumnRole.Kode);
        var desaCol = roles.FirstOrDefault(r => r.Peran == ColumnRole.DesaName);
        var kecCol = roles.FirstOrDefault(r => r.Peran == ColumnRole.KecamatanName);
        var groupCols = roles.Where(r => r.Peran == ColumnRole.GroupName).ToList();
        var valueCols = roles.Where(r => r.Peran == ColumnRole.Nilai).ToList();
        var headerLine = layout.BarisJudul.Count > 0 ? line(layout.BarisJudul[^1]) : 0;

        if (kodeCol is null && desaCol is null) result.Reject(headerLine, null, "tidak ada kolom kode atau nama desa/kelurahan");
        if (kodeCol is null && induk is null) result.Reject(headerLine, null, "tabel hanya berisi nama: sebutkan wilayah induk (--wilayah)");
        if (valueCols.Count == 0) result.Reject(headerLine, null, "tidak ada kolom angka");
        Periode? periode = null;
        if (options.Periode is { } periodeText)
        {
            if (Periode.TryParse(periodeText, out var p, out var error)) periode = p;
            else result.Reject(0, null, error);
        }

        var columns = new List<(TableColumnRole Role, string Periode, bool Persen)>();
        foreach (var col in valueCols)
        {
            var label = $"{col.Kolom.Huruf} ({col.Kolom.Label})";
            if (col.Indikator is null)
            {
                result.Reject(headerLine, label, "indikator kolom tidak diketahui: sebutkan --indikator atau tulis kodenya di judul kolom");
                continue;
            }
            if (!katalog.Persen.TryGetValue(col.Indikator, out var persen))
            {
                result.Reject(headerLine, label, $"indikator '{col.Indikator}' tidak dikenal");
                continue;
            }
            string? per;
            if (col.Jenis == ValueKind.Target)
            {
                per = col.Tahun?.ToString(CultureInfo.InvariantCulture);
                if (per is null) result.Reject(headerLine, label, "kolom target tanpa tahun di judulnya");
            }
            else if (periode is { } given && (col.Tahun is null || col.Tahun == given.Tahun)) per = given.Value;
            else if (col.Tahun is { } year) per = year.ToString(CultureInfo.InvariantCulture);
            else
            {
                per = null;
                result.Reject(headerLine, label, "periode kolom tidak diketahui: sebutkan --periode atau tulis tahunnya di judul kolom");
            }
            if (per is not null) columns.Add((col, per, persen));
        }
        if (result.Penolakan.Count > 0) return;

        var pemisah = NumberParser.DetectDecimal(layout.BarisData.SelectMany(r => columns.Select(c => Cell(r, c.Role.Kolom.Indeks))));
        var matcher = new WilayahMatcher(induk, wilayah);
        var rowWilayah = new Dictionary<int, string>();
        var usedBy = new Dictionary<string, int>();

        foreach (var r in layout.BarisData)
        {
            result.BarisData++;
            string? kode;
            if (kodeCol is not null)
            {
                kode = matcher.ByCode(Cell(r, kodeCol.Kolom.Indeks), out var error);
                if (kode is null) result.Reject(line(r), kodeCol.Kolom.Label, error!);
            }
            else
            {
                var kecamatan = kecCol is null ? null : Cell(r, kecCol.Kolom.Indeks);
                var nama = Cell(r, desaCol!.Kolom.Indeks);
                if (TooLong(nama, line(r), desaCol.Kolom.Label) || kecamatan is not null && TooLong(kecamatan, line(r), kecCol!.Kolom.Label)) continue;
                kode = matcher.ByName(nama, kecamatan, line(r), desaCol.Kolom.Label, result);
            }
            if (kode is null) continue;
            if (usedBy.TryGetValue(kode, out var earlier))
            {
                result.Reject(line(r), desaCol?.Kolom.Label ?? kodeCol!.Kolom.Label, $"baris ganda: {kode} sudah dipakai baris {earlier}");
                continue;
            }
            usedBy[kode] = line(r);
            rowWilayah[r] = kode;
            result.Cocok++;
            foreach (var g in groupCols)
            {
                var name = Cell(r, g.Kolom.Indeks);
                if (name.Length == 0 || TooLong(name, line(r), g.Kolom.Label)) continue;
                var key = (g.JenisKelompok!, name);
                if (!result.Kelompok.TryGetValue(key, out var members)) result.Kelompok[key] = members = [];
                members.Add(kode);
            }
        }

        bool TooLong(string name, int baris, string kolom)
        {
            if (name.Length <= maksimumPanjangNama) return false;
            result.Reject(baris, kolom, $"nama lebih dari {maksimumPanjangNama} karakter (batas Geo:Impor:MaksimumPanjangNama)");
            return true;
        }

        var parsed = new Dictionary<(int Row, int Col), double?>();
        foreach (var r in layout.BarisData.Append(layout.BarisTotal ?? -1).Where(r => r >= 0))
        {
            foreach (var (role, _, _) in columns)
            {
                var text = Cell(r, role.Kolom.Indeks);
                var outcome = NumberParser.TryParse(text, pemisah, out var v);
                switch (outcome)
                {
                    case NumberParser.Outcome.Number: parsed[(r, role.Kolom.Indeks)] = v; break;
                    case NumberParser.Outcome.Empty: parsed[(r, role.Kolom.Indeks)] = null; break;
                    default:
                        if (r != layout.BarisTotal) result.Reject(line(r), $"{role.Kolom.Huruf} ({role.Kolom.Label})", NumberParser.Reason(outcome, text)!);
                        parsed[(r, role.Kolom.Indeks)] = null;
                        break;
                }
            }
        }

        // Columns of one indicator and period make one value: capaian, pembilang and penyebut together.
        foreach (var group in columns.Where(c => c.Role.Jenis != ValueKind.Target).GroupBy(c => (c.Role.Indikator!, c.Periode)))
        {
            var persen = group.First().Persen;
            var of = (ValueKind j) => group.Where(c => c.Role.Jenis == j).Select(c => c.Role.Kolom.Indeks).FirstOrDefault(-1);
            var (capaian, pembilang, penyebut) = (of(ValueKind.Capaian), of(ValueKind.Pembilang), of(ValueKind.Penyebut));
            if (!persen && pembilang < 0) (pembilang, capaian) = (capaian, -1);
            var label = string.Join(", ", group.Select(c => c.Role.Kolom.Huruf));
            foreach (var (r, kode) in rowWilayah)
            {
                double? Get(int c) => c >= 0 ? parsed.GetValueOrDefault((r, c)) : null;
                var (clean, alasan) = IncomingValue.Check(persen, Get(pembilang), Get(penyebut), Get(capaian));
                if (alasan is not null) result.Reject(line(r), label, alasan);
                else if (clean is null) result.SelKosong++;
                else result.Add(new IncomingRow(line(r), label, false, group.Key.Item1, group.Key.Periode, kode, clean));
            }
            CheckTotal(layout, table, group.Select(c => c.Role).ToList(), persen, capaian, pembilang, penyebut, rowWilayah.Keys, parsed, result);
        }

        foreach (var (role, per, persen) in columns.Where(c => c.Role.Jenis == ValueKind.Target))
        {
            foreach (var (r, kode) in rowWilayah)
            {
                var value = parsed.GetValueOrDefault((r, role.Kolom.Indeks));
                if (value is null) { result.SelKosong++; continue; }
                if (persen && value is < 0 or > 100) result.Reject(line(r), role.Kolom.Label, $"target {value} di luar 0-100");
                else result.Add(new IncomingRow(line(r), role.Kolom.Huruf, true, role.Indikator!, per, kode, new CleanValue(null, null, value, persen)));
            }
            CheckTotal(layout, table, [role], persen, role.Kolom.Indeks, -1, -1, rowWilayah.Keys, parsed, result);
        }
    }

    /// <summary>
    /// Compares a TOTAL row with its column: counts by their sum, percentages with counts by
    /// Σpembilang/Σpenyebut, percentage-only columns by the plain mean of the rows, which is the
    /// only thing a total of percentages without counts can be checked against (and is labelled so).
    /// </summary>
    private static void CheckTotal(TableLayout layout, TableFile table, IReadOnlyList<TableColumnRole> roles, bool persen,
        int capaian, int pembilang, int penyebut, IEnumerable<int> rows, Dictionary<(int, int), double?> parsed, ParsedFile result)
    {
        if (layout.BarisTotal is not { } totalRow) return;
        var rowList = rows.ToList();
        foreach (var role in roles)
        {
            var c = role.Kolom.Indeks;
            if (parsed.GetValueOrDefault((totalRow, c)) is not { } total) continue;
            var values = rowList.Select(r => parsed.GetValueOrDefault((r, c))).Where(v => v is not null).Select(v => v!.Value).ToList();
            double? computed;
            string how;
            if (!persen || c == pembilang || c == penyebut)
            {
                computed = values.Sum();
                how = "jumlah baris";
            }
            else if (pembilang >= 0 && penyebut >= 0 && c == capaian)
            {
                var p = rowList.Sum(r => parsed.GetValueOrDefault((r, pembilang)) ?? 0);
                var q = rowList.Sum(r => parsed.GetValueOrDefault((r, penyebut)) ?? 0);
                computed = q > 0 ? 100 * (p / q) : null;
                how = "Σpembilang/Σpenyebut";
            }
            else
            {
                computed = values.Count > 0 ? values.Average() : null;
                how = "rata-rata sederhana baris (tanpa hitungan; bukan cara hitung total yang benar)";
            }
            var text = table.Rows[totalRow][c].Trim();
            var separator = text.LastIndexOfAny([',', '.']);
            var tolerance = 0.5 * Math.Pow(10, -(separator < 0 ? 0 : text.Length - separator - 1)) + 1e-9;
            // A sum of huge finite cells can overflow; it is then no check at all (and JSON has no infinity).
            if (computed is { } sum && !double.IsFinite(sum)) computed = null;
            result.Total.Add(new TotalCheck(table.LineNumbers[totalRow], $"{role.Kolom.Huruf} ({role.Kolom.Label})", total,
                computed is { } x ? Math.Round(x, 4) : null, how, computed is { } y && Math.Abs(y - total) <= tolerance));
        }
    }
}
