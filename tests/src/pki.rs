//! Run-time test PKI: a self-signed CA and a leaf certificate it signed.
//!
//! rustls refuses a CA certificate used directly as an end-entity
//! certificate, so the server presents a separate leaf certificate for
//! `127.0.0.1` (IP SAN) and `localhost` (DNS SAN), issued by the test CA. The
//! client trusts only the CA.

use rcgen::{
    BasicConstraints, CertificateParams, DistinguishedName, DnType, ExtendedKeyUsagePurpose, IsCa,
    Issuer, KeyPair, KeyUsagePurpose,
};
use std::sync::OnceLock;

/// The test CA and the server leaf certificate, DER encoded.
#[derive(Clone)]
pub struct TestPki {
    /// DER of the self-signed test CA certificate (the only trust anchor).
    pub ca_cert_der: Vec<u8>,
    /// PEM of the self-signed test CA certificate.
    pub ca_cert_pem: String,
    /// DER of the server leaf certificate (SANs `127.0.0.1`, `localhost`).
    pub leaf_cert_der: Vec<u8>,
    /// PKCS#8 DER of the leaf certificate's private key.
    pub leaf_key_pkcs8_der: Vec<u8>,
}

impl std::fmt::Debug for TestPki {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TestPki")
            .field("ca_cert_der_len", &self.ca_cert_der.len())
            .field("leaf_cert_der_len", &self.leaf_cert_der.len())
            .field("leaf_key_pkcs8_der", &"<redacted>")
            .finish()
    }
}

impl TestPki {
    /// Generates a fresh CA and a leaf certificate signed by it.
    pub fn generate() -> Result<Self, rcgen::Error> {
        let ca_key = KeyPair::generate()?;
        let mut ca_params = CertificateParams::new(Vec::<String>::new())?;
        let mut ca_dn = DistinguishedName::new();
        ca_dn.push(DnType::CommonName, "wire-test CA (do not trust)");
        ca_params.distinguished_name = ca_dn;
        ca_params.is_ca = IsCa::Ca(BasicConstraints::Constrained(0));
        ca_params.key_usages = vec![
            KeyUsagePurpose::KeyCertSign,
            KeyUsagePurpose::CrlSign,
            KeyUsagePurpose::DigitalSignature,
        ];
        let ca_cert = ca_params.self_signed(&ca_key)?;

        let leaf_key = KeyPair::generate()?;
        let mut leaf_params =
            CertificateParams::new(vec!["127.0.0.1".to_string(), "localhost".to_string()])?;
        let mut leaf_dn = DistinguishedName::new();
        leaf_dn.push(DnType::CommonName, "wire-test server");
        leaf_params.distinguished_name = leaf_dn;
        leaf_params.is_ca = IsCa::ExplicitNoCa;
        leaf_params.key_usages = vec![KeyUsagePurpose::DigitalSignature];
        leaf_params.extended_key_usages = vec![ExtendedKeyUsagePurpose::ServerAuth];
        leaf_params.use_authority_key_identifier_extension = true;
        let issuer = Issuer::new(ca_params, &ca_key);
        let leaf_cert = leaf_params.signed_by(&leaf_key, &issuer)?;

        Ok(Self {
            ca_cert_der: ca_cert.der().to_vec(),
            ca_cert_pem: ca_cert.pem(),
            leaf_cert_der: leaf_cert.der().to_vec(),
            leaf_key_pkcs8_der: leaf_key.serialize_der(),
        })
    }
}

/// The process-wide test PKI, generated on first use.
pub fn test_pki() -> &'static TestPki {
    static PKI: OnceLock<TestPki> = OnceLock::new();
    PKI.get_or_init(|| TestPki::generate().expect("generate the wire-test PKI with rcgen"))
}
