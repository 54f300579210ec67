namespace ModelPackTools.Diagnostics;

/// <summary>MPK5xxx: the CreateModelPackage request: 50xx the API's shape constraints, 51xx the rules its documentation states.</summary>
public static partial class DiagnosticCatalog
{
    private const string ShapeRule =
        "Before writing the request, every member is checked against the constraints of the SageMaker API model " +
        "(botocore's service description of CreateModelPackage, embedded in the tool), so the API does not reject the " +
        "request after the model has been uploaded. The path is the member's JSON path in the request.";

    public static readonly DiagnosticDescriptor RequestWrongType = new(
        "MPK5001", "Request member has the wrong JSON type", DiagnosticSeverity.Error,
        "expected {0}, found {1}",
        ShapeRule + " Fix: give the member the type the API takes (a string, a list, an object, ...).");

    public static readonly DiagnosticDescriptor RequestUnknownMember = new(
        "MPK5002", "Unknown request member", DiagnosticSeverity.Error,
        "'{0}' is not a member of {1}",
        ShapeRule + " The API rejects members it does not know. Fix: check the spelling (member names are case-sensitive).");

    public static readonly DiagnosticDescriptor RequestMissingMember = new(
        "MPK5003", "Required request member missing", DiagnosticSeverity.Error,
        "{1} requires '{0}'",
        ShapeRule + " Fix: set the member (in modelpack.json, the key that produces it).");

    public static readonly DiagnosticDescriptor RequestLength = new(
        "MPK5004", "Request value too short or too long", DiagnosticSeverity.Error,
        "length {0} is outside {1}..{2}",
        ShapeRule + " Lengths count UTF-16 code units, as the API does. Fix: shorten or fill in the value.");

    public static readonly DiagnosticDescriptor RequestPattern = new(
        "MPK5005", "Request value does not match the API pattern", DiagnosticSeverity.Error,
        "'{0}' is not valid: {1}",
        ShapeRule + " The whole value must match the pattern: names, for example, allow only letters, digits and " +
        "hyphens. Fix: change the value.");

    public static readonly DiagnosticDescriptor RequestEnum = new(
        "MPK5006", "Request value is not one of the allowed values", DiagnosticSeverity.Error,
        "'{0}' is not one of {1}",
        ShapeRule + " Instance types in particular must be spelled exactly as the API lists them (`ml.g5.xlarge`). " +
        "Fix: pick one of the listed values.");

    public static readonly DiagnosticDescriptor RequestSize = new(
        "MPK5007", "Request list or map has too few or too many entries", DiagnosticSeverity.Error,
        "{0} entries; the API allows {1}..{2}",
        ShapeRule + " Fix: remove entries (or add one, where the API needs at least one).");

    public static readonly DiagnosticDescriptor RequestRange = new(
        "MPK5008", "Request number out of range", DiagnosticSeverity.Error,
        "{0} is outside {1}..{2}",
        ShapeRule + " Fix: give a number within the range.");

    public static readonly DiagnosticDescriptor NameOrGroup = new(
        "MPK5101", "Give a model package name or a group, not both", DiagnosticSeverity.Error,
        "{0}",
        "ModelPackageName creates an unversioned model package (for AWS Marketplace); ModelPackageGroupName creates a " +
        "new version in a model package group (the model registry). One request does one or the other. Fix: set exactly " +
        "one of modelPackageName and modelPackageGroupName in modelpack.json.");

    public static readonly DiagnosticDescriptor ModelDataUrlNotTarGz = new(
        "MPK5102", "ModelDataUrl does not name a .tar.gz", DiagnosticSeverity.Error,
        "'{0}' does not end with .tar.gz",
        "The API documents ModelDataUrl (and SamplePayloadUrl) as the S3 path of a single gzip-compressed tar archive " +
        "(.tar.gz suffix). Fix: point it at the model.tar.gz, or use format `prefix` for an uncompressed model.");

    public static readonly DiagnosticDescriptor PrefixNeedsNoCompression = new(
        "MPK5103", "S3Prefix needs CompressionType=None", DiagnosticSeverity.Error,
        "S3DataType S3Prefix with CompressionType {0}",
        "A key name prefix names many objects, which SageMaker copies as they are: only S3Object can name a gzip-" +
        "compressed tar archive. Fix: set CompressionType to None, or use S3Object with the .tar.gz.");

    public static readonly DiagnosticDescriptor EnvironmentEntries = new(
        "MPK5104", "More than 16 environment variables", DiagnosticSeverity.Warning,
        "{0} entries; the API documentation supports up to 16",
        "The API text says 'We support up to 16 entries in the map', although the shape's limit is higher; containers " +
        "with more may be refused by some SageMaker features. Fix: move settings into a config file in the model.");

    public static readonly DiagnosticDescriptor ModelDataSourceWithMarketplace = new(
        "MPK5105", "ModelDataSource cannot be listed on AWS Marketplace", DiagnosticSeverity.Error,
        "CertifyForMarketplace is true, but a container uses ModelDataSource",
        "The API documentation: 'Currently you cannot use ModelDataSource in conjunction with SageMaker batch transform, " +
        "SageMaker serverless endpoints, SageMaker multi-model endpoints, and SageMaker Marketplace.' Fix: use format " +
        "`tar.gz` (ModelDataUrl), or do not certify the package for Marketplace.");

    public static readonly DiagnosticDescriptor ModelDataSourceWithTransform = new(
        "MPK5106", "ModelDataSource is not supported by batch transform", DiagnosticSeverity.Warning,
        "SupportedTransformInstanceTypes is set, but a container uses ModelDataSource",
        "The API documentation says ModelDataSource cannot be used with batch transform (nor serverless or multi-model " +
        "endpoints): the package is accepted, but transform jobs from it fail. Fix: use format `tar.gz`, or drop the " +
        "transform instance types.");

    public static readonly DiagnosticDescriptor UnversionedNeedsInstanceTypes = new(
        "MPK5107", "Unversioned model package without instance types", DiagnosticSeverity.Error,
        "{0} is required for an unversioned model package (ModelPackageName)",
        "SupportedTransformInstanceTypes and SupportedRealtimeInferenceInstanceTypes are 'required for unversioned " +
        "models, and optional for versioned models'. Fix: list the instance types, or register the model in a group.");

    public static readonly DiagnosticDescriptor ModelDataTwice = new(
        "MPK5108", "Both ModelDataUrl and ModelDataSource", DiagnosticSeverity.Error,
        "a container gives both ModelDataUrl and ModelDataSource",
        "ModelDataUrl and ModelDataSource are two ways to name the model data of one container; with both, what is " +
        "deployed depends on which one SageMaker prefers. Fix: keep one.");

    public static readonly DiagnosticDescriptor ManifestWithoutPrefix = new(
        "MPK5109", "Manifest fields without an S3Prefix manifest", DiagnosticSeverity.Error,
        "{0}",
        "ManifestEtag describes the file ManifestS3Uri names, and the manifest lists the objects under an S3Prefix; one " +
        "without the other, or a manifest for an S3Object, cannot be verified. Fix: give both, with S3DataType S3Prefix.");

    public static readonly DiagnosticDescriptor EulaNotAccepted = new(
        "MPK5110", "ModelAccessConfig without accepting the EULA", DiagnosticSeverity.Warning,
        "AcceptEula is false",
        "The API: 'The AcceptEula value must be explicitly defined as True in order to accept the EULA that this model " +
        "requires.' A ModelAccessConfig with false does nothing, and a gated model fails to deploy. Fix: review the " +
        "license and set it to true, or remove ModelAccessConfig.");
}
