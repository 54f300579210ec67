namespace ModelPackTools.Trees;

/// <summary>The three ways SageMaker turns ModelDataSource.S3DataSource into files under /opt/ml/model.</summary>
public enum ExtractionMode
{
    /// <summary>S3DataType=S3Object, CompressionType=Gzip: one model.tar.gz, gunzipped and untarred.</summary>
    S3ObjectGzip,

    /// <summary>S3DataType=S3Object, CompressionType=None: one object, its file name the last part of the key.</summary>
    S3ObjectNone,

    /// <summary>S3DataType=S3Prefix, CompressionType=None: every object under the prefix, its key minus the prefix the path.</summary>
    S3PrefixNone,
}
