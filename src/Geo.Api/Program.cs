using Geo.Api.Endpoints;
using Geo.Api.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddGeo(builder.Configuration);
builder.Services.AddPeta(builder.Configuration);
builder.Services.AddIndikator();
builder.Services.AddAnalisis(builder.Configuration);
builder.Services.AddWeb(builder.Configuration);

var app = builder.Build();
await app.MigrateIfConfiguredAsync();
app.UseGeoErrorHandling();
app.UseResponseCompression();
app.UseWebAssets();
app.UseSwagger();
app.UseSwaggerUI();

app.MapHealthEndpoints();
app.MapWilayahEndpoints();
app.MapImportEndpoints();
app.MapTileEndpoints();
app.MapOgcFeatureEndpoints();
app.MapIndikatorEndpoints();
app.MapIndikatorImportEndpoints();
app.MapAnalisisEndpoints();
app.MapAnalisisTileEndpoints();
app.MapWebEndpoints();

app.Run();

/// <summary>Entry point type, visible to WebApplicationFactory in the API tests.</summary>
public partial class Program;
