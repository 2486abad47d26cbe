using System.Globalization;
using Geo.Core.Akun;
using Geo.Core.Analisis;
using Geo.Core.Indikator;
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
