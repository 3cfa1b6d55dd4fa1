using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;

var builder = WebApplication.CreateBuilder(args);

// "ConnectionStrings:Orders" has no password in appsettings.json.
// In Development it comes from user-secrets; in production from the environment
// (ConnectionStrings__Orders) or from managed identity (no password at all).
var csb = new SqlConnectionStringBuilder(builder.Configuration.GetConnectionString("Orders"));
if (builder.Environment.IsProduction() && string.IsNullOrEmpty(csb.Password))
{
    csb.Authentication = SqlAuthenticationMethod.ActiveDirectoryDefault;
}

builder.Services.AddDbContext<OrdersDb>(o =>
{
    o.UseSqlServer(csb.ConnectionString);
    if (builder.Environment.IsDevelopment())
    {
        o.EnableSensitiveDataLogging();
    }
});

var app = builder.Build();
app.MapGet("/healthz", () => Results.Ok());
app.Run();

public class OrdersDb(DbContextOptions<OrdersDb> options) : DbContext(options) { }
