namespace Geo.Data.Indikator.Import;

/// <summary>What parsing a file gave, before anything touches the database.</summary>
public sealed class ParsedFile(string berkas)
{
    public string Berkas { get; } = berkas;
    public string Format { get; set; } = "";
    public List<IncomingRow> Rows { get; } = [];
    public List<ImportRejection> Penolakan { get; } = [];
    public List<WilayahMatch> TidakPersis { get; } = [];
    public List<TotalCheck> Total { get; } = [];
    public List<string> Catatan { get; } = [];
    /// <summary>Groupings found in the file: (jenis, nama) to the desa listed under it.</summary>
    public Dictionary<(string Jenis, string Nama), HashSet<string>> Kelompok { get; } = [];
    public int BarisData { get; set; }
    public int Cocok { get; set; }
    public int SelKosong { get; set; }

    public void Reject(int baris, string? kolom, string alasan) => Penolakan.Add(new ImportRejection(Berkas, baris, kolom, alasan));
}
