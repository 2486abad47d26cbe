using Geo.Api.Akun;
using Geo.Api.Endpoints;
using Geo.Api.Hosting;
using Geo.Api.Pekerjaan;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddGeo(builder.Configuration);
builder.Services.AddPeta(builder.Configuration);
builder.Services.AddIndikator();
builder.Services.AddAnalisis(builder.Configuration);
builder.Services.AddPublication();
builder.Services.AddLaporan();
builder.Services.AddAkun(builder.Configuration);
builder.Services.AddHardening(builder.Configuration);
builder.Services.AddWeb(builder.Configuration);
builder.Services.AddPekerjaan(builder.Configuration);

var app = builder.Build();
await app.MigrateIfConfiguredAsync();
// First: everything after sees the client's address, scheme and host as the proxy received them.
app.UseForwardedHeaders();
app.UseGeoErrorHandling();
app.UseSecurityHeaders();
app.UseResponseCompression();
app.UseWebAssets();
app.UseCors();
app.UseAuthentication();
app.UseAkunAntiforgery();
// After authentication: signed-in callers are not limited.
app.UseRateLimiter();
app.UseAuthorization();
// Last before the endpoints: a read cut by a database failure runs once more on fresh connections.
app.UseDatabaseReadRetry();
app.UseSwagger();
app.UseSwaggerUI();

app.MapHealthEndpoints();
app.MapWilayahEndpoints();
app.MapImportEndpoints();
app.MapTileEndpoints();
app.MapOgcFeatureEndpoints();
app.MapIndikatorEndpoints();
app.MapIndikatorImportEndpoints();
app.MapAuditEndpoints();
app.MapAnalisisEndpoints();
app.MapAnalisisTileEndpoints();
app.MapPetaGambarEndpoints();
app.MapAkunEndpoints();
app.MapLokusEndpoints();
app.MapLaporanEndpoints();
app.MapEksporEndpoints();
app.MapWebEndpoints();
app.MapPetaDataEndpoints();
app.MapPekerjaanEndpoints();
app.EnsureDeclared();

app.Run();

/// <summary>Entry point type, visible to WebApplicationFactory in the API tests.</summary>
public partial class Program;
