using System.Net;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Geo.Api.Tests.Analisis;
using Geo.Api.Tests.Support;
using Geo.Core.Akun;
using Geo.Publication.Laporan;

namespace Geo.Api.Tests.Laporan;

/// <summary>The report endpoints over Kota Metro as `./geo up` loads it: the numbers of /api/analisis, as the caller may see them.</summary>
public sealed class LaporanEndpointTests(MetroAnalysisFixture fixture) : IClassFixture<MetroAnalysisFixture>
{
    private const string Query = "wilayah=18.72&periode=2022-08&permutasi=99&seed=3";

    [Fact]
    public async Task The_docx_is_valid_Word_and_holds_the_numbers_of_the_analysis_endpoint()
    {
        var client = fixture.Factory.CreateClient();
        using var response = await client.GetAsync($"/api/laporan.docx?{Query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(LaporanService.ContentType(LaporanFormat.Docx), response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("analisis-situasi-18.72-2022-08.docx", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        var docx = await response.Content.ReadAsByteArrayAsync();

        using var analysis = JsonDocument.Parse(await client.GetStringAsync($"/api/analisis?{Query}"));
        var run = analysis.RootElement;
        var kota = run.GetProperty("intervensi")[0].GetProperty("intervensi");
        using var stream = new MemoryStream(docx);
        using var word = WordprocessingDocument.Open(stream, false);
        Assert.Empty(new OpenXmlValidator().Validate(word));
        var text = word.MainDocumentPart!.Document.Body!.InnerText;
        Assert.Contains(run.GetProperty("versi_input").GetString()!, text);
        Assert.Contains($"Analisis nomor {run.GetProperty("id").GetInt64()}", text);
        for (var i = 0; i < 3; i++)
        {
            Assert.Contains($"{kota[i].GetProperty("indikator").GetString()} {kota[i].GetProperty("nama").GetString()}", text);
            Assert.Contains(Teks.Cakupan(kota[i].GetProperty("nilai").GetDouble()), text);
        }
        foreach (var unit in run.GetProperty("unit").EnumerateArray()) Assert.Contains(unit.GetProperty("nama").GetString()!, text);
        Assert.Contains("DATA SINTETIS", text);
        // The server's own map renderer draws the report's maps: real PNGs inline, none said to be missing.
        var images = word.MainDocumentPart.ImageParts.ToList();
        Assert.True(images.Count >= 2, $"{images.Count} images in the report");
        Assert.All(images, image =>
        {
            using var png = image.GetStream();
            var head = new byte[8];
            Assert.Equal(8, png.Read(head, 0, 8));
            Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, head);
        });
        Assert.DoesNotContain("gambar peta tidak dapat dibuat", text);
    }

    [Fact]
    public async Task The_pdf_is_a_pdf_named_after_the_area_and_period()
    {
        using var response = await fixture.Factory.CreateClient().GetAsync($"/api/laporan.pdf?{Query}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("no-cache", response.Headers.CacheControl?.ToString());
        var pdf = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal("%PDF-"u8.ToArray(), pdf[..5]);
    }

    [Theory]
    [InlineData("18.71", "", HttpStatusCode.Forbidden)]
    [InlineData("", "&tampilan=draf", HttpStatusCode.Forbidden)]
    [InlineData("", "&periode=2022-13", HttpStatusCode.BadRequest)]
    [InlineData("", "&bobot=segitiga", HttpStatusCode.BadRequest)]
    public async Task What_the_caller_may_not_see_or_cannot_mean_is_refused(string area, string extra, HttpStatusCode expected)
    {
        var client = area.Length == 0 ? fixture.Factory.CreateClient() : fixture.Factory.ClientAs($"analis-{area}", area, Peran.Analis);

        using var response = await client.GetAsync($"/api/laporan.pdf?{Query}{extra}");

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_role_holder_of_the_area_gets_the_draft_view_marked_as_draft_and_privately_cached()
    {
        var client = fixture.Factory.ClientAs("analis-metro", "18.72", Peran.Analis);

        using var response = await client.GetAsync($"/api/laporan.docx?{Query}&tampilan=draf");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl is { Private: true, NoStore: true });
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using var word = WordprocessingDocument.Open(stream, false);
        Assert.Contains("DRAF, BELUM TERBIT", word.MainDocumentPart!.Document.Body!.InnerText);
    }
}
