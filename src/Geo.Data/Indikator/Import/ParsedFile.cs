namespace Geo.Data.Indikator.Import;

/// <summary>
/// What parsing a file gave. Values go straight on to <paramref name="write"/> (the staging COPY)
/// while the file has no rejection, so a national file's values are never all held at once;
/// rejections are kept up to <see cref="MaksimumPenolakan"/> and the rest only counted.
/// </summary>
public sealed class ParsedFile(string berkas, Action<IncomingRow> write)
{
    /// <summary>Rejections listed in a report; a file of garbage rows does not grow the report (or memory) past this.</summary>
    public const int MaksimumPenolakan = 1000;

    public string Berkas { get; } = berkas;
    public string Format { get; set; } = "";
    public List<ImportRejection> Penolakan { get; } = [];
    public List<WilayahMatch> TidakPersis { get; } = [];
    public List<TotalCheck> Total { get; } = [];
    public List<string> Catatan { get; } = [];
    /// <summary>Groupings found in the file: (jenis, nama) to the desa listed under it.</summary>
    public Dictionary<(string Jenis, string Nama), HashSet<string>> Kelompok { get; } = [];
    public int BarisData { get; set; }
    public int Cocok { get; set; }
    public int SelKosong { get; set; }

    /// <summary>Values read and passed on.</summary>
    public int Nilai { get; private set; }

    /// <summary>Rejections past <see cref="MaksimumPenolakan"/>, counted but not listed.</summary>
    public int PenolakanLain { get; private set; }

    public void Add(IncomingRow row)
    {
        Nilai++;
        // Once the file is refused nothing more is staged; the transaction is rolled back anyway.
        if (Penolakan.Count == 0) write(row);
    }

    public void Reject(int baris, string? kolom, string alasan)
    {
        if (Penolakan.Count >= MaksimumPenolakan) PenolakanLain++;
        else Penolakan.Add(new ImportRejection(Berkas, baris, kolom, alasan));
    }
}
