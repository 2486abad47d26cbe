using Geo.Core.Indikator;

namespace Geo.Data.Indikator.Import;

/// <summary>One value or target bound for the database, with where it came from in the file.</summary>
public sealed record BarisMasuk(int Baris, string Kolom, bool Target, string Indikator, string Periode, string Wilayah, NilaiBersih Nilai);

/// <summary>What parsing a file gave, before anything touches the database.</summary>
public sealed class BerkasTerurai(string berkas)
{
    public string Berkas { get; } = berkas;
    public string Format { get; set; } = "";
    public List<BarisMasuk> Rows { get; } = [];
    public List<PenolakanImpor> Penolakan { get; } = [];
    public List<PencocokanWilayah> TidakPersis { get; } = [];
    public List<PemeriksaanTotal> Total { get; } = [];
    public List<string> Catatan { get; } = [];
    /// <summary>Groupings found in the file: (jenis, nama) to the desa listed under it.</summary>
    public Dictionary<(string Jenis, string Nama), HashSet<string>> Kelompok { get; } = [];
    public int BarisData { get; set; }
    public int Cocok { get; set; }
    public int SelKosong { get; set; }

    public void Reject(int baris, string? kolom, string alasan) => Penolakan.Add(new PenolakanImpor(Berkas, baris, kolom, alasan));
}

/// <summary>The catalogue as the parsers need it: is an indicator a percentage.</summary>
public sealed record KatalogRingkas(IReadOnlyDictionary<string, bool> Persen)
{
    public IReadOnlySet<string> Kode { get; } = Persen.Keys.ToHashSet(StringComparer.OrdinalIgnoreCase);
}
