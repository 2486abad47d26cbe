using System.Globalization;
using Geo.Core.Akun;
using Geo.Core.Analisis;
using Geo.Core.Indikator;
using Geo.Core.Statistics;
using Geo.Data.Analisis;
using Geo.Data.Indikator;

namespace Geo.Publication.Laporan;

/// <summary>
/// Writes the findings of a <see cref="LaporanFakta"/> in Bahasa Indonesia, in the order of the
/// national guide's analisis situasi: the situation, the interventions and the locations "yang
/// menjadi masalah", the lokus, then the data and method. Every number comes from the facts; none
/// is computed here but differences and counts of what the facts hold.
/// </summary>
public static class LaporanComposer
{
    /// <summary>Problem interventions detailed with the kecamatan and desa that pull them down.</summary>
    public const int InterventionsDetailed = 10;

    public static Document Compose(LaporanFakta f)
    {
        var c = new Composer(f);
        c.Build();
        var synthetic = f.Run.Synthetic ? " · DATA SINTETIS" : "";
        var draft = f.Request.Tampilan == Tampilan.Draf ? " · DRAF, BELUM TERBIT" : "";
        return new Document(
            $"Analisis Situasi Stunting {f.NamaWilayah}",
            $"{Teks.Periode(f.Request.Periode.Value)} · kode wilayah {f.Request.Wilayah} · disusun {Teks.Tanggal(f.Dibuat)} dengan Geo",
            $"Analisis situasi {f.NamaWilayah}, {Teks.Periode(f.Request.Periode.Value)}{synthetic}{draft}",
            c.Blocks);
    }

    private sealed class Composer(LaporanFakta f)
    {
        public List<Block> Blocks { get; } = [];
        private int _tables;
        private int _figures;

        private readonly bool _desa = f.Run.Tingkat == "desa";
        private string Unit => _desa ? "desa/kelurahan" : "kecamatan";
        private string Wilayah => f.NamaWilayah;
        private string Periode => Teks.Periode(f.Request.Periode.Value);
        private string Satuan => f.Hasil.Persen ? "%" : "";
        private double? Target => f.Area?.Target?.Nilai ?? f.Run.Summary.OutcomeTarget;
        private bool LowerIsBetter => f.Hasil.Polaritas != "naik";

        private IReadOnlyList<InterventionItem> AreaInterventions =>
            f.Run.Interventions.FirstOrDefault(a => a.Kode == f.Request.Wilayah.Value)?.Interventions ?? [];

        public void Build()
        {
            Warnings();
            Summary();
            Situation();
            Interventions();
            Locations();
            Lokus();
            DataAndMethod();
        }

        private void Warnings()
        {
            if (f.Request.Tampilan == Tampilan.Draf)
            {
                Add(new Paragraph([new Run("DRAF, BELUM TERBIT. ", Bold: true),
                    new Run("Laporan ini memuat data kerja yang belum melewati verifikasi dan penerbitan. Jangan disebarkan sebagai angka resmi.")], ParagraphStyle.Warning));
            }
            if (f.Run.Synthetic || f.Area?.Sintetis == true)
            {
                var synthetic = f.Cakupan.Where(c => c.Area?.Sintetis == true).Select(c => c.Info.Kode).ToList();
                if (f.HasilUnitSintetis) synthetic.Insert(0, f.Hasil.Kode);
                var runs = new List<Run> { new("DATA SINTETIS. ", Bold: true) };
                if (synthetic.Count > 0)
                {
                    runs.Add(new Run($"Sebagian angka dalam laporan ini adalah data sintetis (bangkitan untuk demonstrasi), bukan hasil pencatatan lapangan: {Ringkas(synthetic)}. " +
                        $"Temuan yang memakai angka itu hanya menggambarkan cara kerja analisis, bukan keadaan {Wilayah}. "));
                }
                if (!f.HasilUnitSintetis && f.Area?.Sintetis == true)
                {
                    runs.Add(new Run($"Nilai {f.Hasil.Kode} per {Unit} adalah data nyata, tetapi angka kecamatan dan wilayahnya ditimbang dengan jumlah sasaran sintetis, sehingga ikut ditandai sintetis."));
                }
                Add(new Paragraph(runs, ParagraphStyle.Warning));
            }
        }

        private void Summary()
        {
            Add(new Heading(1, "Ringkasan"));
            if (f.Area?.Agregat.Nilai is { } v)
            {
                Bullet($"{f.Hasil.Nama} di {Wilayah} pada {Periode}: {Teks.Hasil(v)}{Satuan}{TargetPhrase(v, Target)}.");
            }
            var kecamatanOver = KecamatanMissingTarget();
            if (f.Kecamatan.Count > 0 && kecamatanOver is not null)
            {
                Bullet(kecamatanOver.Count == 0
                    ? $"Semua {f.Kecamatan.Count} kecamatan memenuhi target."
                    : $"{kecamatanOver.Count} dari {f.Kecamatan.Count} kecamatan belum memenuhi target: {Teks.Daftar(kecamatanOver.Select(k => $"{k.Nama} ({Teks.Hasil(k.Agregat.Nilai)}{Satuan})"))}.");
            }
            var problems = AreaInterventions.Where(i => i.IsProblem).ToList();
            if (AreaInterventions.Count > 0)
            {
                Bullet($"{problems.Count} dari {AreaInterventions.Count} intervensi esensial menjadi masalah; yang paling tertinggal: " +
                    $"{Teks.Daftar(problems.Take(3).Select(i => $"{i.Indikator} {Pendek(i.Nama)} ({Teks.Cakupan(i.Value)}%, target {TargetText(i)}%)"))}.");
            }
            var counts = f.Run.Summary.ClassCounts;
            Bullet($"Lokasi yang menjadi masalah: {Count(counts, GapClass.TinggiCakupanRendah)} {Unit} berprevalensi tinggi dengan cakupan rendah dan " +
                $"{Count(counts, GapClass.TinggiCakupanBaik)} berprevalensi tinggi walau cakupannya baik; {Count(counts, GapClass.RendahCakupanRendah)} lainnya berisiko (cakupan rendah).");
            var hot = f.Run.Rows.Where(r => r.GiBin > 0).ToList();
            var hh = f.Run.Rows.Where(r => r.Lisa == "HH").ToList();
            Bullet(hot.Count == 0 && hh.Count == 0
                ? "Tidak ada titik panas (Gi*) maupun klaster tinggi-tinggi (LISA) yang signifikan."
                : $"Titik panas (Gi*): {Where(hot)}; klaster tinggi-tinggi (LISA): {Where(hh)}.");
            if (f.Waktu?.Agregat.FirstOrDefault(a => a.Kode == f.Request.Wilayah.Value) is { Perubahan.Selisih: not null } change)
            {
                Bullet($"Perubahan {Teks.Periode(f.Waktu.Periode[0])} ke {Teks.Periode(f.Waktu.Periode[^1])}: {Teks.Hasil(change.Perubahan.NilaiAwal)}{Satuan} menjadi {Teks.Hasil(change.Perubahan.NilaiAkhir)}{Satuan}" +
                    $"{(change.Perubahan.Arah is { } arah ? $" ({arah})" : "")}; per kecamatan {f.Waktu.Agregat.Count(a => a.Kode.Length == 8 && a.Perubahan.Arah == ChangeDirection.Membaik)} membaik dan " +
                    $"{f.Waktu.Agregat.Count(a => a.Kode.Length == 8 && a.Perubahan.Arah == ChangeDirection.Memburuk)} memburuk.");
            }
            if (f.Run.Rows.Any(r => r.PeluangTinggi is not null))
            {
                Bullet($"{f.Run.Rows.Count(r => r.TidakPasti)} {Unit} \"tidak pasti\": datanya terlalu sedikit untuk memastikan apakah nilainya di atas ambang.");
            }
            Bullet(f.Lokus is { } l
                ? $"Daftar lokus final \"{l.Lokus.Nama}\" ({l.Lokus.Tahun}) memuat {l.Desa.Count} desa/kelurahan di wilayah ini."
                : $"Belum ada daftar lokus final untuk tahun {f.Request.Periode.Tahun}.");
        }

        private void Situation()
        {
            Add(new Heading(1, $"1. Situasi {f.Hasil.Nama.ToLowerInvariant()}"));
            if (f.Area is not { Agregat.Nilai: { } value } area)
            {
                Add(new Paragraph($"{f.Hasil.Nama} {Wilayah} pada {Periode} tidak dapat dijumlahkan dari data {Unit}: {Metode(f.Area)}."));
            }
            else
            {
                Add(new Paragraph([
                    new Run($"{f.Hasil.Nama} di {Wilayah} pada {Periode} adalah "),
                    new Run($"{Teks.Hasil(value)}{Satuan}", Bold: true),
                    new Run($"{TargetPhrase(value, Target)}. Angka wilayah {Metode(area)}; {area.Agregat.Melapor} dari {area.Agregat.JumlahDesa} desa/kelurahan melapor."),
                ]));
            }

            if (f.Kecamatan.Count > 0)
            {
                var rows = f.Kecamatan.OrderByDescending(k => k.Agregat.Nilai ?? double.MinValue).Select(k => (IReadOnlyList<string>)[
                    k.Nama,
                    Teks.Hasil(k.Agregat.Nilai),
                    Teks.Hasil(k.Target?.Nilai),
                    k.Agregat.Nilai is { } v && k.Target?.Nilai is { } t ? Teks.Hasil(v - t) : "–",
                    $"{k.Agregat.Melapor}/{k.Agregat.JumlahDesa}",
                    Status(k.Agregat.Nilai, k.Target?.Nilai),
                ]).ToList();
                if (f.Area is { } a)
                {
                    rows.Add([a.Nama, Teks.Hasil(a.Agregat.Nilai), Teks.Hasil(a.Target?.Nilai),
                        a.Agregat.Nilai is { } v && a.Target?.Nilai is { } t ? Teks.Hasil(v - t) : "–", $"{a.Agregat.Melapor}/{a.Agregat.JumlahDesa}", Status(a.Agregat.Nilai, a.Target?.Nilai)]);
                }
                var how = f.Area?.Agregat.Metode == RollUpMethod.Weighted ? "persentase desa ditimbang dengan jumlah sasaran" : "Σ pembilang/Σ penyebut desa";
                AddTable($"{f.Hasil.Nama} per kecamatan, {Periode} ({how}), urut dari tertinggi", [
                    new Column("Kecamatan", 3), new Column($"Nilai{(Satuan.Length > 0 ? " (%)" : "")}", 1.3, true), new Column("Target", 1.2, true),
                    new Column("Selisih", 1.2, true), new Column("Desa melapor", 1.4, true), new Column("Status", 2),
                ], rows, f.Area is null ? null : new HashSet<int> { rows.Count - 1 });
            }

            AddMap("nilai", $"{f.Hasil.Nama} per {Unit}, {Wilayah}, {Periode}");

            var ranked = f.Run.Rows.Where(r => r.Nilai is not null).OrderByDescending(r => r.Nilai).ToList();
            if (ranked.Count > 0)
            {
                var top = ranked.Take(10).ToList();
                AddTable($"{top.Count} {Unit} dengan {f.Hasil.Nama.ToLowerInvariant()} tertinggi, {Periode}", [
                    new Column(_desa ? "Desa/kelurahan" : "Kecamatan", 3), new Column("Kecamatan", 2.5), new Column($"Nilai{(Satuan.Length > 0 ? " (%)" : "")}", 1.3, true),
                    new Column("Kelas", 3),
                ], top.Select(r => (IReadOnlyList<string>)[r.Nama, KecamatanOf(r.Kode), Teks.Hasil(r.Nilai), Teks.Kelas(r.Kelas)]).ToList());
            }
            Trend();
            Change();
        }

        private string PeriodeAwal => Teks.Periode(f.Waktu!.Periode[0]);
        private string PeriodeAkhir => Teks.Periode(f.Waktu!.Periode[^1]);

        /// <summary>Change first → last period per kecamatan with its test, and the Mann-Kendall trend with Sen's slope (issue 15).</summary>
        private void Change()
        {
            Add(new Heading(2, "Perubahan dan kecenderungan per kecamatan"));
            if (f.Waktu is not { } w)
            {
                Add(new Paragraph(f.WaktuTidakTersedia is { } why
                    ? $"Perubahan antarperiode tidak dapat dihitung: {why}."
                    : $"Hanya satu periode data ({Periode}) untuk {Wilayah}: perubahan, kecenderungan (Mann-Kendall), titik panas yang muncul dan peta perubahan belum dapat dihitung."));
                return;
            }
            var alpha = IndonesianPercent(f.Request.Alpha);
            Add(new Paragraph($"Perubahan dari {PeriodeAwal} ke {PeriodeAkhir} diuji dengan uji z dua proporsi pada pembilang dan penyebut kedua periode; " +
                $"arahnya dinilai menurut polaritas indikator pada taraf {alpha}: membaik, memburuk, atau tetap (perubahan tidak bermakna). " +
                $"Kecenderungan atas {w.Periode.Count} periode diukur dengan uji Mann-Kendall (tau dan p) dan kemiringan Sen (perubahan per tahun)."));
            if (w.Agregat.FirstOrDefault(a => a.Kode == f.Request.Wilayah.Value) is { } area)
            {
                Add(new Paragraph($"{Wilayah}: {ChangeText(area.Perubahan)}{TrendText(area.Tren)}."));
            }
            var kecamatan = w.Agregat.Where(a => a.Kode.Length == 8).OrderBy(a => a.Perubahan.Selisih ?? double.MaxValue).ToList();
            if (kecamatan.Count > 0)
            {
                AddTable($"Perubahan {f.Hasil.Nama.ToLowerInvariant()} per kecamatan, {PeriodeAwal} ke {PeriodeAkhir}", [
                    new Column("Kecamatan", 2.6), new Column(PeriodeAwal, 1.2, true), new Column(PeriodeAkhir, 1.2, true), new Column("Selisih", 1.1, true),
                    new Column("p", 1, true), new Column("Arah", 1.4), new Column("tau", 1, true), new Column("p tren", 1, true), new Column("Sen/tahun", 1.2, true),
                ], kecamatan.Select(k => (IReadOnlyList<string>)[
                    k.Nama, Teks.Hasil(k.Perubahan.NilaiAwal), Teks.Hasil(k.Perubahan.NilaiAkhir), Teks.Hasil(k.Perubahan.Selisih),
                    Teks.Statistik(k.Perubahan.P), k.Perubahan.Arah ?? "tanpa uji", Teks.Statistik(k.Tren?.Tau), Teks.Statistik(k.Tren?.P), Teks.Hasil(k.Tren?.SenPerTahun),
                ]).ToList());
                var worse = kecamatan.Where(k => k.Perubahan.Arah == ChangeDirection.Memburuk).Select(k => k.Nama).ToList();
                var better = kecamatan.Where(k => k.Perubahan.Arah == ChangeDirection.Membaik).Select(k => k.Nama).ToList();
                Add(new Paragraph($"Kecamatan yang membaik secara bermakna: {(better.Count == 0 ? "tidak ada" : Teks.Daftar(better))}; " +
                    $"yang memburuk: {(worse.Count == 0 ? "tidak ada" : Teks.Daftar(worse))}; sisanya tetap atau tidak dapat diuji."));
            }
            if (w.Tingkat == "desa")
            {
                var counts = w.JumlahPerArah;
                var untested = w.Unit.Count(u => u.Perubahan.Arah is null);
                Add(new Paragraph($"Per desa/kelurahan: {counts.GetValueOrDefault(ChangeDirection.Membaik)} membaik, {counts.GetValueOrDefault(ChangeDirection.Memburuk)} memburuk, " +
                    $"{counts.GetValueOrDefault(ChangeDirection.Tetap)} tetap{(untested > 0 ? $", {untested} tidak dapat diuji (tanpa nilai atau pembilang/penyebut di salah satu periode)" : "")}."));
            }
            AddMap("perubahan", $"Arah perubahan per {Unit}, {Wilayah}, {PeriodeAwal} ke {PeriodeAkhir}");
        }

        private string ChangeText(ChangeItem c)
        {
            if (c.Selisih is not { } d) return $"perubahan tidak dapat dihitung ({c.Catatan})";
            var arah = c.Arah is { } a ? $", {a}" : c.Catatan is { } n ? $" ({n})" : "";
            return $"{Teks.Hasil(c.NilaiAwal)}{Satuan} pada {PeriodeAwal} menjadi {Teks.Hasil(c.NilaiAkhir)}{Satuan} pada {PeriodeAkhir} " +
                $"(selisih {Teks.Hasil(d)} poin{(c.P is { } p ? $", z = {Teks.Statistik(c.Z)}, p = {Teks.Statistik(p)}" : "")}{arah})";
        }

        private static string TrendText(TrendItem? t) => t is null
            ? $"; kecenderungan tidak dihitung (kurang dari {TemporalAnalysisService.MinTrendValues} periode bernilai)"
            : $"; kecenderungan Mann-Kendall tau = {Teks.Statistik(t.Tau)}, p = {Teks.Statistik(t.P)}{(t.Arah is { } a ? $" ({a})" : "")}, kemiringan Sen {Teks.Hasil(t.SenPerTahun)} poin per tahun";

        /// <summary>Emerging hot spots in words and a map (issue 15).</summary>
        private void EmergingHotSpots()
        {
            if (f.Waktu is not { } w) return;
            Add(new Heading(2, "Titik panas yang muncul (analisis ruang-waktu)"));
            Add(new Paragraph($"Analisis titik panas yang muncul (Emerging Hot Spot Analysis, seperti ArcGIS Pro) menghitung Gi* setiap {Unit} pada setiap periode " +
                $"bersama tetangganya pada periode itu dan periode sebelumnya, lalu menilai deret z Gi* tiap {Unit} dengan Mann-Kendall: " +
                $"apakah kawasan bermasalah baru muncul, menetap, menguat atau melemah dari {PeriodeAwal} sampai {PeriodeAkhir}."));
            if (w.TitikPanasTidakTersedia is { } why)
            {
                Add(new Paragraph($"Titik panas yang muncul tidak dapat dihitung: {why}."));
                return;
            }
            var groups = w.Unit.Where(u => u.TitikPanas is { Pola: not EmergingPattern.None })
                .GroupBy(u => u.TitikPanas!.Pola)
                .OrderBy(g => Array.FindIndex(Geo.Publication.Peta.LapisanAnalisis.KelasPolaTitikPanas, k => k.Kunci == g.Key))
                .ToList();
            if (groups.Count == 0)
            {
                Add(new Paragraph($"Tidak ada {Unit} yang membentuk pola titik panas atau titik dingin dari waktu ke waktu."));
            }
            else
            {
                foreach (var g in groups)
                {
                    Bullet($"{Teks.Pola(g.Key)} ({g.Count()} {Unit}): {Names(g.Select(u => u.Nama))}. Artinya {Teks.ArtiPola(g.Key)}.");
                }
            }
            if (w.TanpaDeretLengkap.Count > 0)
            {
                Add(new Paragraph($"{w.TanpaDeretLengkap.Count} {Unit} tanpa nilai di semua periode tidak ikut dinilai.", ParagraphStyle.Note));
            }
            AddMap("titik_panas_muncul", $"Titik panas yang muncul, {Wilayah}, {PeriodeAwal} sampai {PeriodeAkhir}");
        }

        /// <summary>How many units' class the data leave uncertain, and the exceedance map (issue 15).</summary>
        private void Uncertainty()
        {
            Add(new Heading(2, "Ketidakpastian"));
            var rows = f.Run.Rows;
            if (rows.All(r => r.PeluangTinggi is null))
            {
                Add(new Paragraph($"Peluang melewati ambang tidak dapat dihitung: nilai {f.Hasil.Kode} tanpa pembilang dan penyebut, sehingga ketidakpastian tiap {Unit} tidak diketahui."));
                return;
            }
            var rule = f.Request.Aturan;
            var uncertain = rows.Where(r => r.TidakPasti).OrderByDescending(r => r.PeluangTinggi).ToList();
            var likely = rows.Count(r => r.PeluangTinggi > rule.ExceedanceCut);
            Add(new Paragraph($"Nilai {Unit} yang diukur pada sedikit anak tidak pasti. Untuk setiap {Unit} dihitung peluang nilai sebenarnya melewati ambang " +
                $"{Teks.Hasil(f.Run.Summary.Threshold)}{Satuan} (posterior Empirical Bayes, prior {(f.Request.Prior == PosteriorPrior.Local ? "lokal" : "global")}). " +
                $"{likely} {Unit} berpeluang lebih dari {IndonesianPercent(rule.ExceedanceCut)} melewati ambang. " +
                $"{uncertain.Count} {Unit} \"tidak pasti\": peluangnya di antara {IndonesianPercent(1 - rule.ExceedanceCut)} dan {IndonesianPercent(rule.ExceedanceCut)}, " +
                $"sehingga kelasnya dapat berubah dengan data yang sedikit berbeda. Relatif tinggi dinilai dari {(rule.High == HighRule.Exceedance ? $"peluang (lebih dari {IndonesianPercent(rule.ExceedanceCut)})" : "nilai titik")}."));
            if (uncertain.Count > 0)
            {
                AddTable($"{Capitalise(Unit)} tidak pasti, {Periode}", [
                    new Column(_desa ? "Desa/kelurahan" : "Kecamatan", 2.5), new Column("Kecamatan", 2), new Column("Nilai", 1, true),
                    new Column("Interval kredibel 95%", 2, true), new Column("Peluang melewati ambang", 1.6, true), new Column("Kelas", 3),
                ], uncertain.Select(r => (IReadOnlyList<string>)[r.Nama, KecamatanOf(r.Kode), Teks.Hasil(r.Nilai),
                    $"{Teks.Hasil(r.KiBawah)}–{Teks.Hasil(r.KiAtas)}", Teks.Statistik(r.PeluangTinggi), Teks.Kelas(r.Kelas)]).ToList());
            }
            AddMap("peluang", $"Peluang melewati ambang {Teks.Hasil(f.Run.Summary.Threshold)}{Satuan} per {Unit}, {Wilayah}, {Periode}");
        }

        private void Trend()
        {
            Add(new Heading(2, "Tren antarperiode"));
            if (f.Tren.Count < 2)
            {
                Add(new Paragraph($"Data {f.Hasil.Nama.ToLowerInvariant()} {Wilayah} yang tersedia hanya untuk {(f.Tren.Count == 1 ? Teks.Periode(f.Tren[0].Periode) : Periode)}; " +
                    "tren antarperiode belum dapat digambarkan. Tren akan tampil di sini setelah data periode lain diimpor dan diterbitkan."));
                return;
            }
            var first = f.Tren[0];
            var last = f.Tren[^1];
            var change = last.RollUp.Agregat.Nilai!.Value - first.RollUp.Agregat.Nilai!.Value;
            var direction = Math.Abs(change) < 0.005 ? "tetap" : change < 0 ? "turun" : "naik";
            var better = change == 0 ? "" : (change < 0) == LowerIsBetter ? " (membaik)" : " (memburuk)";
            Add(new Paragraph($"Dari {Teks.Periode(first.Periode)} ke {Teks.Periode(last.Periode)}, {f.Hasil.Nama.ToLowerInvariant()} {Wilayah} {direction} " +
                $"{(direction == "tetap" ? "" : $"{Teks.Hasil(Math.Abs(change))} poin ")}dari {Teks.Hasil(first.RollUp.Agregat.Nilai)}{Satuan} menjadi {Teks.Hasil(last.RollUp.Agregat.Nilai)}{Satuan}{better}."));
            var rows = new List<IReadOnlyList<string>>();
            for (var i = 0; i < f.Tren.Count; i++)
            {
                var t = f.Tren[i];
                var delta = i == 0 ? "–" : Teks.Hasil(t.RollUp.Agregat.Nilai - f.Tren[i - 1].RollUp.Agregat.Nilai);
                rows.Add([Teks.Periode(t.Periode), Teks.Hasil(t.RollUp.Agregat.Nilai), delta, Teks.Hasil(t.RollUp.Target?.Nilai),
                    $"{t.RollUp.Agregat.Melapor}/{t.RollUp.Agregat.JumlahDesa}", t.RollUp.Sintetis ? "ya" : "tidak"]);
            }
            AddTable($"{f.Hasil.Nama} {Wilayah} per periode", [
                new Column("Periode", 2), new Column("Nilai", 1.2, true), new Column("Perubahan", 1.3, true), new Column("Target", 1.2, true),
                new Column("Desa melapor", 1.4, true), new Column("Sintetis", 1),
            ], rows);
        }

        private void Interventions()
        {
            Add(new Heading(1, "2. Intervensi yang menjadi masalah"));
            var items = AreaInterventions;
            if (items.Count == 0)
            {
                Add(new Paragraph($"Tidak ada data cakupan intervensi esensial untuk {Wilayah} pada {Periode}, sehingga intervensi yang menjadi masalah belum dapat ditentukan."));
                return;
            }
            var problems = items.Where(i => i.IsProblem).ToList();
            var unjudged = items.Where(i => i.Achievement is null).ToList();
            Add(new Paragraph($"Cakupan setiap intervensi esensial di {Wilayah} dibandingkan dengan targetnya dan diurutkan dari capaian terendah (capaian = cakupan/target, " +
                $"dibalik untuk indikator yang semakin rendah semakin baik). Sebuah intervensi menjadi masalah bila belum mencapai target atau tertinggal satu simpangan baku " +
                $"atau lebih dari intervensi lain. Hasilnya: {problems.Count} dari {items.Count} intervensi menjadi masalah" +
                $"{(unjudged.Count > 0 ? $"; {unjudged.Count} tidak dapat dinilai karena tidak memiliki target atau data" : "")}."));
            AddTable($"Peringkat intervensi esensial {Wilayah}, {Periode}", [
                new Column("No", 0.6, true), new Column("Intervensi", 5), new Column("Cakupan (%)", 1.3, true), new Column("Target (%)", 1.2, true),
                new Column("Selisih", 1.1, true), new Column("Desa mencapai target", 1.5, true), new Column("Masalah", 1.1),
            ], items.Select(i => (IReadOnlyList<string>)[
                i.Rank.ToString(CultureInfo.InvariantCulture), $"{i.Indikator} {i.Nama}", Teks.Cakupan(i.Value), TargetText(i),
                i.Gap is { } g ? Teks.Cakupan(g) : "–", $"{i.UnitsMeetingTarget}/{i.UnitsWithData}", i.IsProblem ? "ya" : "tidak",
            ]).ToList());

            var detailed = problems.Take(InterventionsDetailed).ToList();
            if (detailed.Count == 0) return;
            Add(new Heading(2, "Kecamatan dan desa yang menarik cakupan ke bawah"));
            Add(new Paragraph($"Untuk {(detailed.Count < problems.Count ? $"{detailed.Count} intervensi bermasalah teratas" : "setiap intervensi bermasalah")}: " +
                "kecamatan dengan cakupan terjauh dari target, dan desa yang paling banyak menyumbang kekurangan cakupan wilayah (selisih dari target dikali jumlah sasaran desa)."));
            var kecamatanAreas = f.Run.Interventions.Where(a => a.Kode != f.Request.Wilayah.Value).ToList();
            AddTable("Penarik cakupan ke bawah per intervensi bermasalah", [
                new Column("Intervensi", 3.2), new Column("Kecamatan terendah", 3), new Column("Desa penarik ke bawah", 4),
            ], detailed.Select(i => (IReadOnlyList<string>)[
                $"{i.Indikator} {Pendek(i.Nama)} ({Teks.Cakupan(i.Value)}%)",
                KecamatanPulling(kecamatanAreas, i.Indikator),
                i.PullingDown.Count == 0 ? "–" : string.Join("; ", i.PullingDown.Select(d => $"{d.Nama} ({Teks.Cakupan(d.Value)}%)")),
            ]).ToList());
        }

        private static string KecamatanPulling(IReadOnlyList<AreaInterventions> kecamatan, string indikator)
        {
            var worst = kecamatan
                .Select(a => (a.Nama, Item: a.Interventions.FirstOrDefault(i => i.Indikator == indikator)))
                .Where(x => x.Item is { Gap: > 0 })
                .OrderByDescending(x => x.Item!.Gap)
                .Take(3)
                .Select(x => $"{x.Nama} ({Teks.Cakupan(x.Item!.Value)}%)")
                .ToList();
            return worst.Count == 0 ? "semua kecamatan mencapai target" : string.Join("; ", worst);
        }

        private void Locations()
        {
            Add(new Heading(1, "3. Lokasi yang menjadi masalah"));
            var s = f.Run.Summary;
            var rule = f.Request.Aturan;
            Add(new Paragraph($"Setiap {Unit} dikelompokkan menurut dua hal: apakah {f.Hasil.Nama.ToLowerInvariant()}-nya relatif tinggi " +
                $"(di atas {ThresholdText()}, yaitu {Teks.Hasil(s.Threshold)}{Satuan}), dan apakah cakupannya baik (paling sedikit " +
                $"{IndonesianPercent(rule.MinShareMeetingTarget)} indikator cakupan yang dapat dinilai mencapai target, dengan paling sedikit {rule.MinIndicatorsJudged} indikator dinilai)."));
            AddTable($"Jumlah {Unit} per kelas kesenjangan", [new Column("Kelas", 2.6), new Column("Arti", 6), new Column("Jumlah", 1, true)],
                GapClass.All.Select(k => (IReadOnlyList<string>)[Teks.Kelas(k), Capitalise(Teks.ArtiKelas(k)), Count(s.ClassCounts, k).ToString(CultureInfo.InvariantCulture)]).ToList());
            AddMap("kelas", $"Kelas kesenjangan per {Unit}, {Wilayah}, {Periode}");

            foreach (var kelas in GapClass.All)
            {
                var rows = f.Run.Rows.Where(r => r.Kelas == kelas).OrderByDescending(r => r.Nilai ?? double.MinValue).ToList();
                if (rows.Count == 0) continue;
                Add(new Heading(2, $"{Teks.Kelas(kelas)} ({rows.Count} {Unit})"));
                Add(new Paragraph(Capitalise(Teks.ArtiKelas(kelas)) + "."));
                AddTable($"{Capitalise(Unit)} kelas \"{Teks.Kelas(kelas).ToLowerInvariant()}\"", [
                    new Column(_desa ? "Desa/kelurahan" : "Kecamatan", 2.2), new Column("Kecamatan", 1.8), new Column("Nilai", 1, true), new Column("Alasan", 6),
                ], rows.Select(r => (IReadOnlyList<string>)[r.Nama, KecamatanOf(r.Kode), Teks.Hasil(r.Nilai), Teks.AlasanRingkas(r.Alasan)]).ToList());
            }

            HotSpots();
            Clusters();
            EmergingHotSpots();
            Uncertainty();
            if (s.Islands.Count > 0)
            {
                Add(new Paragraph($"{s.Islands.Count} {Unit} tidak memiliki tetangga menurut bobot spasial ({f.Request.Bobot}) dan tidak diberi nilai LISA maupun Gi*: {Teks.Daftar(s.Islands.Select(NameOf))}.", ParagraphStyle.Note));
            }
            if (s.WithoutValue.Count > 0)
            {
                Add(new Paragraph($"{s.WithoutValue.Count} {Unit} tanpa nilai {f.Hasil.Kode} tidak ikut dalam statistik spasial: {Teks.Daftar(s.WithoutValue.Select(NameOf))}.", ParagraphStyle.Note));
            }
        }

        private void HotSpots()
        {
            Add(new Heading(2, "Titik panas dan titik dingin (Getis-Ord Gi*)"));
            Add(new Paragraph($"Gi* membandingkan nilai sebuah {Unit} beserta tetangganya dengan seluruh wilayah. Titik panas adalah kelompok {Unit} yang " +
                $"bersama tetangganya berprevalensi lebih tinggi daripada yang dapat terjadi secara kebetulan; titik dingin sebaliknya. Penanganan di titik panas " +
                "sebaiknya dirancang untuk kawasan, bukan desa per desa."));
            var spots = f.Run.Rows.Where(r => r.GiBin is not null and not 0).OrderByDescending(r => r.GiBin).ThenByDescending(r => r.GiZ).ToList();
            if (spots.Count == 0)
            {
                Add(new Paragraph($"Tidak ada titik panas atau titik dingin yang signifikan pada taraf {IndonesianPercent(0.10)} di {Wilayah}: " +
                    "tinggi-rendahnya prevalensi tidak membentuk kawasan yang jelas menurut Gi*."));
            }
            else
            {
                var hot = spots.Count(r => r.GiBin > 0);
                Add(new Paragraph($"Ditemukan {hot} titik panas dan {spots.Count - hot} titik dingin."));
                AddTable($"Titik panas dan titik dingin Gi*, {Periode}", [
                    new Column(_desa ? "Desa/kelurahan" : "Kecamatan", 2.5), new Column("Kecamatan", 2), new Column("Nilai", 1, true), new Column("z Gi*", 1, true),
                    new Column("Arti", 3),
                ], spots.Select(r => (IReadOnlyList<string>)[r.Nama, KecamatanOf(r.Kode), Teks.Hasil(r.Nilai), Teks.Statistik(r.GiZ), Teks.GiBin(r.GiBin!.Value)]).ToList());
            }
            AddMap("gi", $"Titik panas Getis-Ord Gi*, {Wilayah}, {Periode}");
        }

        private void Clusters()
        {
            Add(new Heading(2, "Klaster dan pencilan (Moran's I dan LISA)"));
            if (f.Run.Summary.Moran is { } m)
            {
                var significant = m.P < f.Request.Alpha;
                var words = !significant
                    ? $"tidak ada pola pengelompokan yang signifikan pada taraf {IndonesianPercent(f.Request.Alpha)}: {Unit} berprevalensi tinggi tidak cenderung bertetangga satu sama lain"
                    : m.I > m.ExpectedI
                        ? $"prevalensi mengelompok secara spasial: {Unit} berprevalensi tinggi cenderung bertetangga dengan yang tinggi, dan yang rendah dengan yang rendah"
                        : $"prevalensi tersebar berselang-seling: {Unit} berprevalensi tinggi cenderung bertetangga dengan yang rendah";
                Add(new Paragraph($"Moran's I global = {Teks.Statistik(m.I)} (harapan bila acak {Teks.Statistik(m.ExpectedI)}, z = {Teks.Statistik(m.Z)}, p = {Teks.Statistik(m.P)}): {words}."));
            }
            else
            {
                Add(new Paragraph($"Moran's I global tidak dapat dihitung (kurang dari tiga {Unit} dengan nilai dan tetangga, atau semua nilai sama)."));
            }
            var clusters = f.Run.Rows.Where(r => r.Lisa is "HH" or "LL" or "HL" or "LH").OrderBy(r => Array.IndexOf(LisaOrder, r.Lisa)).ThenByDescending(r => r.Nilai).ToList();
            if (clusters.Count == 0)
            {
                Add(new Paragraph($"LISA tidak menemukan klaster atau pencilan yang signifikan pada taraf {IndonesianPercent(f.Request.Alpha)}{(f.Request.Fdr ? " setelah koreksi FDR" : "")}."));
            }
            else
            {
                foreach (var group in clusters.GroupBy(r => r.Lisa))
                {
                    Bullet($"{Teks.Lisa(group.Key)}: {Names(group.Select(r => r.Nama))}. Artinya {Teks.ArtiLisa(group.Key)}.");
                }
                AddTable($"Klaster dan pencilan LISA, {Periode}", [
                    new Column(_desa ? "Desa/kelurahan" : "Kecamatan", 2.5), new Column("Kecamatan", 2), new Column("Nilai", 1, true), new Column("p semu", 1, true),
                    new Column("Klaster", 3),
                ], clusters.Select(r => (IReadOnlyList<string>)[r.Nama, KecamatanOf(r.Kode), Teks.Hasil(r.Nilai), Teks.Statistik(r.LocalP), Teks.Lisa(r.Lisa)]).ToList());
            }
            AddMap("lisa", $"Klaster LISA, {Wilayah}, {Periode}");
        }

        private static readonly string[] LisaOrder = ["HH", "HL", "LH", "LL"];

        private void Lokus()
        {
            Add(new Heading(1, "4. Lokus"));
            if (f.Lokus is not { } l)
            {
                Add(new Paragraph($"Belum ada daftar lokus final untuk {Wilayah} tahun {f.Request.Periode.Tahun}. Setelah TPPS menetapkan daftar lokus di Geo " +
                    "(dan menjadikannya final), daftar itu beserta alasan setiap desa tampil di bagian ini."));
                return;
            }
            var byKode = f.Run.Rows.ToDictionary(r => r.Kode, StringComparer.Ordinal);
            Add(new Paragraph($"Daftar lokus final \"{l.Lokus.Nama}\" tahun {l.Lokus.Tahun} memuat {l.Desa.Count} desa/kelurahan di {Wilayah}, dengan alasan pemilihan masing-masing:"));
            AddTable($"Lokus {l.Lokus.Tahun}: {l.Lokus.Nama}", [
                new Column("No", 0.6, true), new Column("Desa/kelurahan", 2.2), new Column("Kecamatan", 1.8), new Column("Kelas analisis", 2.2), new Column("Alasan", 5),
            ], l.Desa.Select((d, i) => (IReadOnlyList<string>)[
                (i + 1).ToString(CultureInfo.InvariantCulture), d.Nama ?? d.Kode, d.Kecamatan ?? "–",
                byKode.TryGetValue(d.Kode, out var r) ? Teks.Kelas(r.Kelas) : "–", d.Alasan,
            ]).ToList());
        }

        private void DataAndMethod()
        {
            Add(new Heading(1, "5. Data dan metode"));
            Add(new Heading(2, "Sumber dan kelengkapan data"));
            var sumber = f.Area?.Sumber is { Count: > 0 } src ? Teks.Daftar(src) : "tidak tercatat";
            Add(new Paragraph($"{f.Hasil.Kode} {f.Hasil.Nama}: sumber {sumber}, periode {Periode}, " +
                $"{f.Area?.Agregat.Melapor ?? 0} dari {f.Area?.Agregat.JumlahDesa ?? 0} desa/kelurahan melapor" +
                $"{(f.Area?.HanyaPersen > 0 ? $" ({f.Area.HanyaPersen} hanya berupa persentase tanpa pembilang dan penyebut)" : "")}" +
                $"{(f.HasilUnitSintetis ? "; DATA SINTETIS" : f.Area?.Sintetis == true ? "; angka wilayah ditimbang dengan jumlah sasaran SINTETIS" : "")}. Nilai yang dipakai adalah {(f.Request.Tampilan == Tampilan.Draf ? "data kerja termasuk draf yang belum terbit" : "nilai yang telah diterbitkan")}."));
            if (f.Tren.Count > 1)
            {
                Add(new Paragraph($"Periode dalam tren: {Teks.Daftar(f.Tren.Select(t => Teks.Periode(t.Periode)))}."));
            }
            if (f.Cakupan.Count > 0)
            {
                AddTable($"Indikator cakupan: sumber dan jumlah desa yang melapor, {Periode}", [
                    new Column("Indikator", 5), new Column("Sumber", 1.6), new Column("Desa melapor", 1.4, true), new Column("Nilai wilayah (%)", 1.4, true),
                    new Column("Sintetis", 1.1),
                ], f.Cakupan.Select(c => (IReadOnlyList<string>)[
                    $"{c.Info.Kode} {c.Info.Nama}", c.Area?.Sumber is { Count: > 0 } s ? string.Join(", ", s) : "–",
                    c.Area is { } a ? $"{a.Agregat.Melapor}/{a.Agregat.JumlahDesa}" : "–", Teks.Cakupan(c.Area?.Agregat.Nilai), c.Area?.Sintetis == true ? "YA" : "tidak",
                ]).ToList());
            }
            var syntheticCount = f.Cakupan.Count(c => c.Area?.Sintetis == true) + (f.HasilUnitSintetis ? 1 : 0);
            Add(new Paragraph(syntheticCount > 0
                ? $"Data sintetis: {syntheticCount} indikator dalam laporan ini memuat nilai sintetis (ditandai \"YA\"); nilai itu dibangkitkan untuk demonstrasi dan tidak boleh dipakai untuk keputusan."
                : "Tidak ada data sintetis dalam laporan ini.", syntheticCount > 0 ? ParagraphStyle.Warning : ParagraphStyle.Normal));

            Add(new Heading(2, "Metode dan parameter"));
            var r = f.Request;
            var s = f.Run.Summary;
            Add(new Paragraph("Angka kecamatan dan wilayah adalah jumlah pembilang dibagi jumlah penyebut seluruh desa yang melapor (bukan rata-rata persentase desa). " +
                "Bila sumber hanya memuat persentase, persentase desa ditimbang dengan jumlah sasarannya dan angka itu ditandai sebagai perkiraan. " +
                "Moran's I global memakai varians di bawah randomisasi; LISA (Moran lokal) dan Gi* memakai permutasi bersyarat dengan p semu = (M+1)/(R+1)."));
            AddTable("Parameter analisis", [new Column("Parameter", 2.5), new Column("Nilai", 5)], [
                ["Indikator hasil", $"{f.Hasil.Kode} ({f.Hasil.Nama})"],
                ["Unit analisis", $"{Unit} ({s.Units} unit)"],
                ["Bobot spasial", $"{r.Bobot}{(r.Bobot.SnapMetres is { } snap ? $", toleransi {Teks.Bulat(snap)} m" : "")}"],
                ["Permutasi", $"{r.Permutasi} (seed {r.Seed})"],
                ["Taraf signifikansi (alpha)", Teks.Statistik(r.Alpha).TrimEnd('0')],
                ["Koreksi FDR (Benjamini-Hochberg)", r.Fdr ? "ya" : "tidak"],
                ["Deret hasil", r.Deret switch { OutcomeSeries.EbGlobal => "Empirical Bayes global", OutcomeSeries.EbLocal => "Empirical Bayes lokal", _ => "nilai mentah" }],
                ["Ambang prevalensi relatif tinggi", $"{ThresholdText()} = {Teks.Hasil(s.Threshold)}{Satuan}"],
                ["Cakupan baik bila", $"paling sedikit {IndonesianPercent(r.Aturan.MinShareMeetingTarget)} indikator dinilai mencapai target (minimal {r.Aturan.MinIndicatorsJudged} indikator)"],
                ["Indikator cakupan", s.CoverageIndicators.Count == 0 ? "tidak ada" : string.Join(", ", s.CoverageIndicators)],
                ["Empirical Bayes", s.SmoothingUnavailable is { } why ? $"tidak tersedia: {why}" : "tersedia"],
                ["Dasar relatif tinggi", r.Aturan.High == HighRule.Exceedance ? $"peluang melewati ambang lebih dari {Teks.Statistik(r.Aturan.ExceedanceCut).TrimEnd('0')}" : "nilai titik"],
                ["Posterior (interval 95%, peluang, tidak pasti)", $"Empirical Bayes, prior {(r.Prior == PosteriorPrior.Local ? "lokal" : "global")}; tidak pasti bila peluang di antara {Teks.Statistik(1 - r.Aturan.ExceedanceCut).TrimEnd('0')} dan {Teks.Statistik(r.Aturan.ExceedanceCut).TrimEnd('0')}"],
                ["Moran lokal bivariat", r.Bivariat ?? "tidak"],
                .. f.Waktu is { } w ? new IReadOnlyList<string>[]
                {
                    ["Periode analisis waktu", Teks.Daftar(w.Periode.Select(Teks.Periode))],
                    ["Perubahan", TemporalAnalysisService.Methods["perubahan"]],
                    ["Kecenderungan", TemporalAnalysisService.Methods["tren"]],
                    ["Titik panas yang muncul", $"{TemporalAnalysisService.Methods["titik_panas"]}; jendela 1 periode"],
                } : [],
            ]);
            Add(new Heading(2, "Jejak untuk mengulang angka"));
            Add(new Paragraph($"Analisis nomor {f.Run.Id}, dihitung {f.Run.ComputedAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC, sidik jari masukan {f.Run.InputVersion}, " +
                $"sidik jari parameter {r.ParameterHash()[..32]}. Sidik jari masukan berubah bila nilai, target atau batas wilayah yang dibaca berubah; " +
                "dengan masukan dan parameter yang sama, Geo mengembalikan hasil yang sama."));
            Add(new Paragraph([new Run("Perintah: ", Bold: true), new Run(CommandLine())], ParagraphStyle.Note));
            Add(new Paragraph([new Run("API: ", Bold: true), new Run($"GET /api/analisis?{QueryString()}")], ParagraphStyle.Note));
        }

        private string CommandLine()
        {
            var r = f.Request;
            var parts = new List<string> { $"geo analisis --wilayah {r.Wilayah} --periode {r.Periode} --indikator {r.Indikator} --tingkat {f.Run.Tingkat}",
                $"--bobot {r.Bobot} --permutasi {r.Permutasi} --seed {r.Seed} --alpha {r.Alpha.ToString(CultureInfo.InvariantCulture)}",
                $"--deret {DeretName()} --ambang {AmbangName()}" };
            if (r.Fdr) parts.Add("--fdr");
            if (r.Cakupan is { } c) parts.Add($"--cakupan {string.Join(",", c)}");
            if (r.Aturan.High == HighRule.Exceedance) parts.Add($"--dasar-tinggi peluang:{r.Aturan.ExceedanceCut.ToString(CultureInfo.InvariantCulture)}");
            if (r.Prior == PosteriorPrior.Local) parts.Add("--prior lokal");
            if (r.Bivariat is { } bv) parts.Add($"--bivariat {bv}");
            if (r.Tampilan == Tampilan.Draf) parts.Add("--tampilan draf");
            return string.Join(" ", parts);
        }

        private string QueryString()
        {
            var r = f.Request;
            var q = $"wilayah={r.Wilayah}&periode={r.Periode}&indikator={r.Indikator}&tingkat={f.Run.Tingkat}&bobot={r.Bobot}&permutasi={r.Permutasi}" +
                $"&seed={r.Seed}&alpha={r.Alpha.ToString(CultureInfo.InvariantCulture)}&deret={DeretName()}&ambang={AmbangName()}" +
                $"&minimumIndikator={r.Aturan.MinIndicatorsJudged}&porsiTarget={r.Aturan.MinShareMeetingTarget.ToString(CultureInfo.InvariantCulture)}";
            if (r.Fdr) q += "&fdr=true";
            if (r.Cakupan is { } c) q += $"&cakupan={string.Join(",", c)}";
            if (r.Aturan.High == HighRule.Exceedance) q += $"&dasarTinggi=peluang:{r.Aturan.ExceedanceCut.ToString(CultureInfo.InvariantCulture)}";
            if (r.Prior == PosteriorPrior.Local) q += "&prior=lokal";
            if (r.Bivariat is { } bv) q += $"&bivariat={bv}";
            if (r.Tampilan == Tampilan.Draf) q += "&tampilan=draf";
            return q;
        }

        private string DeretName() => f.Request.Deret switch { OutcomeSeries.EbGlobal => "eb_global", OutcomeSeries.EbLocal => "eb_lokal", _ => "mentah" };

        private string AmbangName() => f.Request.Aturan.Threshold switch
        {
            OutcomeThreshold.Mean => "rata",
            OutcomeThreshold.Target => "target",
            OutcomeThreshold.Fixed => f.Request.Aturan.FixedThreshold!.Value.ToString(CultureInfo.InvariantCulture),
            _ => "median",
        };

        private string ThresholdText() => f.Request.Aturan.Threshold switch
        {
            OutcomeThreshold.Mean => $"rata-rata {Unit}",
            OutcomeThreshold.Target => "target",
            OutcomeThreshold.Fixed => "ambang yang ditetapkan",
            _ => $"median {Unit}",
        };

        // ---- pieces ----

        private void Add(Block block) => Blocks.Add(block);

        private void Bullet(string text) => Add(new Paragraph(text, ParagraphStyle.Bullet));

        private void AddTable(string caption, IReadOnlyList<Column> columns, IReadOnlyList<IReadOnlyList<string>> rows, IReadOnlySet<int>? emphasised = null) =>
            Add(new Table($"Tabel {++_tables}. {caption}", columns, rows, emphasised));

        private void AddMap(string lapisan, string caption)
        {
            var map = f.Peta.FirstOrDefault(p => p.Lapisan == lapisan);
            // Values, Gi* and LISA read the outcome only; the classes read the coverage too.
            var synthetic = (lapisan == "kelas" ? f.Run.Synthetic : f.HasilUnitSintetis) ? " Memuat DATA SINTETIS." : "";
            if (map?.Png is { } png)
            {
                Add(new Image(png, map.Lebar, map.Tinggi, $"Gambar {++_figures}. {caption}.{synthetic}"));
            }
            else
            {
                Add(new Paragraph($"{Teks.Lapisan(lapisan)} tidak tersedia dalam laporan ini (gambar peta tidak dapat dibuat). " +
                    $"Peta yang sama dapat dilihat di halaman peta Geo untuk {Wilayah}, {Periode}.", ParagraphStyle.Note));
            }
        }

        private string TargetPhrase(double value, double? target)
        {
            if (target is not { } t) return $"; belum ada target {f.Hasil.Kode} untuk wilayah ini";
            var meets = LowerIsBetter ? value <= t : value >= t;
            var diff = Math.Abs(value - t);
            return meets
                ? $", memenuhi target {Teks.Hasil(t)}{Satuan} (lebih baik {Teks.Hasil(diff)} poin)"
                : $", belum memenuhi target {Teks.Hasil(t)}{Satuan} (selisih {Teks.Hasil(diff)} poin)";
        }

        private string Status(double? value, double? target)
        {
            if (value is not { } v) return "tidak ada data";
            if (target is not { } t) return "tanpa target";
            return (LowerIsBetter ? v <= t : v >= t) ? "memenuhi target" : LowerIsBetter ? "di atas target" : "di bawah target";
        }

        private List<WilayahRollUp>? KecamatanMissingTarget() => f.Kecamatan
            .Where(k => k.Agregat.Nilai is { } v && k.Target?.Nilai is { } t && (LowerIsBetter ? v > t : v < t))
            .OrderByDescending(k => k.Agregat.Nilai)
            .ToList();

        /// <summary>A target to stay under (unmet need, unwanted pregnancies) is written as a maximum.</summary>
        private string TargetText(InterventionItem i) => i.Target is not { } t ? "–"
            : f.Cakupan.FirstOrDefault(c => c.Info.Kode == i.Indikator)?.Info.Polaritas == "turun" ? $"maks. {Teks.Cakupan(t)}" : Teks.Cakupan(t);

        private static string Metode(WilayahRollUp? r) => r?.Agregat.Metode switch
        {
            RollUpMethod.Ratio => "dihitung sebagai Σ pembilang / Σ penyebut seluruh desa/kelurahan yang melapor",
            RollUpMethod.Weighted => "adalah perkiraan: sumber hanya memuat persentase desa, sehingga persentase itu ditimbang dengan jumlah sasarannya (bukan rata-rata sederhana)",
            RollUpMethod.Sum => "adalah jumlah seluruh desa/kelurahan",
            _ => "tidak dapat dijumlahkan: sebagian desa hanya memuat persentase tanpa jumlah sasaran untuk menimbangnya",
        };

        private string KecamatanOf(string kode)
        {
            if (kode.Length <= 8) return "–";
            return f.Kecamatan.FirstOrDefault(k => k.Kode == kode[..8])?.Nama ?? f.Run.Interventions.FirstOrDefault(a => a.Kode == kode[..8])?.Nama ?? kode[..8];
        }

        private string NameOf(string kode) => f.Run.Rows.FirstOrDefault(r => r.Kode == kode)?.Nama ?? kode;

        /// <summary>Where a set of units lies, short enough for a summary: the names when few, else the count and the kecamatan holding most.</summary>
        private string Where(List<AnalysisRow> rows)
        {
            if (rows.Count == 0) return "tidak ada";
            if (rows.Count <= 6 || !_desa) return Teks.Daftar(rows.Select(r => r.Nama));
            var kecamatan = rows.GroupBy(r => KecamatanOf(r.Kode)).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).ToList();
            return $"{rows.Count} {Unit}, terbanyak di kecamatan {Teks.Daftar(kecamatan.Take(3).Select(g => $"{g.Key} ({g.Count()})"))}";
        }

        /// <summary>At most ten names, then how many more (the table beside lists them all).</summary>
        private static string Names(IEnumerable<string> names)
        {
            var list = names.ToList();
            return list.Count <= 10 ? Teks.Daftar(list) : $"{string.Join(", ", list.Take(10))} dan {list.Count - 10} lainnya";
        }

        private static int Count(IReadOnlyDictionary<string, int> counts, string kelas) => counts.GetValueOrDefault(kelas);

        private static string Ringkas(List<string> codes) => codes.Count switch
        {
            0 => "indikator cakupan",
            <= 6 => Teks.Daftar(codes),
            _ => $"{codes.Count} indikator: {string.Join(", ", codes.Take(5))} dan {codes.Count - 5} lainnya",
        };

        /// <summary>A catalogue name cut at its first parenthesis or after about 60 characters, for running text.</summary>
        private static string Pendek(string nama)
        {
            var cut = nama.IndexOf(" (", StringComparison.Ordinal);
            var text = cut > 0 ? nama[..cut] : nama;
            return text.Length <= 70 ? text : text[..text.LastIndexOf(' ', 67)] + " ...";
        }

        private static string IndonesianPercent(double share) => $"{Teks.Bulat(share * 100)}%";

        private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
    }
}
