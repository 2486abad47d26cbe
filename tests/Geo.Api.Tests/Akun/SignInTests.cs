using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Geo.Api.Tests.Support;

namespace Geo.Api.Tests.Akun;

public sealed class SignInTests(GeoApiFactory factory) : IClassFixture<GeoApiFactory>
{
    [Fact]
    public async Task Cookie_sign_in_shows_name_wilayah_and_roles()
    {
        var client = factory.CreateClient();
        var before = await AkunClient.ProblemAsync(await client.GetAsync("/api/akun/saya"), HttpStatusCode.Unauthorized);
        Assert.Equal("perlu_masuk", before.GetProperty("jenis").GetString());

        var sandi = await AkunClient.CreateAccountAsync(factory, "ani", "18.72", "operator", "verifikator");
        var response = await AkunClient.SignInAsync(client, "ANI", sandi);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("geo.sesi=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);

        var saya = await client.GetFromJsonAsync<JsonElement>("/api/akun/saya");
        Assert.Equal(("ani", "18.72", "cookie"), (saya.GetProperty("nama").GetString(), saya.GetProperty("wilayah").GetString(), saya.GetProperty("cara").GetString()));
        Assert.Equal(["operator", "verifikator"], saya.GetProperty("peran").EnumerateArray().Select(p => p.GetString()!).Order());
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        var sandi = await AkunClient.CreateAccountAsync(factory, "budi", "nasional", "analis");
        var client = factory.CreateClient();
        for (var i = 0; i < 5; i++)
        {
            var wrong = await AkunClient.ProblemAsync(await AkunClient.SignInAsync(client, "budi", "salah-sandi-1"), HttpStatusCode.Unauthorized);
            Assert.Contains(i < 4 ? "sandi salah" : "terkunci", wrong.GetProperty("detail").GetString());
        }
        var locked = await AkunClient.ProblemAsync(await AkunClient.SignInAsync(client, "budi", sandi), HttpStatusCode.Unauthorized);
        Assert.Contains("terkunci", locked.GetProperty("detail").GetString());
        await AkunClient.ProblemAsync(await client.GetAsync("/api/akun/saya"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Inactive_accounts_cannot_sign_in()
    {
        var sandi = await AkunClient.CreateAccountAsync(factory, "citra", "18.72");
        await AkunClient.DeactivateAsync(factory, "citra");
        var refused = await AkunClient.ProblemAsync(await AkunClient.SignInAsync(factory.CreateClient(), "citra", sandi), HttpStatusCode.Unauthorized);
        Assert.Contains("tidak aktif", refused.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Cookie_writes_need_the_antiforgery_token()
    {
        var sandi = await AkunClient.CreateAccountAsync(factory, "dodi", "18.72", "operator");
        var client = factory.CreateClient();
        await AkunClient.SignInAsync(client, "dodi", sandi);

        var without = await AkunClient.ProblemAsync(await client.PostAsync("/api/akun/keluar", null), HttpStatusCode.BadRequest);
        Assert.Contains("antiforgery", without.GetProperty("detail").GetString());
        var forged = new HttpRequestMessage(HttpMethod.Post, "/api/akun/keluar");
        forged.Headers.Add("X-CSRF-TOKEN", "palsu");
        await AkunClient.ProblemAsync(await client.SendAsync(forged), HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/akun/saya")).StatusCode);

        var af = await client.GetFromJsonAsync<JsonElement>("/api/akun/antiforgery");
        var signOut = new HttpRequestMessage(HttpMethod.Post, "/api/akun/keluar");
        signOut.Headers.Add("X-CSRF-TOKEN", af.GetProperty("token").GetString());
        Assert.Equal(HttpStatusCode.NoContent, (await client.SendAsync(signOut)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/akun/saya")).StatusCode);
    }

    [Fact]
    public async Task The_recorded_user_is_the_signed_in_account_whatever_X_Geo_Pengguna_says()
    {
        var sandi = await AkunClient.CreateAccountAsync(factory, "eka", "18.72", "operator");
        var client = await AkunClient.SignedInAsync(factory, "eka", sandi);
        var (_, token) = await AkunClient.CreateTokenAsync(client, "impor");

        var callers = new[] { (client, "eka"), (AkunClient.WithBearer(factory, token), "eka"), (factory.CreateClient(), null) };
        for (var i = 0; i < callers.Length; i++)
        {
            var (caller, expected) = callers[i];
            var batches = await factory.Database.ScalarAsync<long>("SELECT count(*) FROM impor_batch");
            // A different file each time: a re-import of the same file would be a no-op.
            var csv = $"kode,indikator,periode,pembilang,penyebut\n18.72.01.1001,L20,2024,{i + 1},9\n";
            var form = new MultipartFormDataContent();
            var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
            file.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
            form.Add(file, "berkas", $"pengguna-{i}.csv");
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/impor/indikator?sumber=SSGI") { Content = form };
            request.Headers.Add("X-Geo-Pengguna", "penyusup");
            var response = await caller.SendAsync(request);
            if (expected is null)
            {
                // Anonymous, whatever the header claims: not signed in, and nothing written.
                Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
                Assert.Equal(batches, await factory.Database.ScalarAsync<long>("SELECT count(*) FROM impor_batch"));
                continue;
            }
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.True(response.StatusCode == HttpStatusCode.OK, body.ToString());
            var id = body.GetProperty("batch").GetInt64();
            var pengguna = await factory.Database.ScalarAsync<string>($"SELECT pengguna FROM impor_batch WHERE id = {id}");
            Assert.Equal(expected, pengguna);
        }
    }
}
