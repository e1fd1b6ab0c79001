namespace OpenStackOrchestrator.ModuleFiles;

/// <summary>A declaration the module files cannot be written from (a view column that is not a property...).</summary>
public sealed class ViewDeclarationException(string message) : Exception(message);
