// The tribunal's web service on its own (the CLI's 'paz serve' runs the same TribunalApp).
var app = Paz.Web.TribunalApp.Build(args);
app.Run();

/// <summary>Entry point, public for WebApplicationFactory.</summary>
public partial class Program;
