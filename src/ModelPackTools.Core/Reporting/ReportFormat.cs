namespace ModelPackTools.Reporting;

public enum ReportFormat
{
    Text,
    Json,
    Sarif,
}
