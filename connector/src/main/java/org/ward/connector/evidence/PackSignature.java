package org.ward.connector.evidence;

import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Collection;

import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;

/**
 * What checking a detached CMS signature found.
 *
 * @param valid whether the signature matches the content and the certificate it carries
 * @param signer the signing certificate, null when none could be read
 * @param problem why it is not valid, null when valid
 */
record PackSignature(boolean valid, X509Certificate signer, String problem) {

    static PackSignature verify(byte[] content, byte[] signature) {
        try {
            CMSSignedData signed = new CMSSignedData(new CMSProcessableByteArray(content), signature);
            Collection<SignerInformation> signers = signed.getSignerInfos().getSigners();
            if (signers.size() != 1) {
                return new PackSignature(false, null, "it holds " + signers.size() + " signatures, not one");
            }
            SignerInformation info = signers.iterator().next();
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> certificates = signed.getCertificates().getMatches(info.getSID());
            if (certificates.isEmpty()) {
                return new PackSignature(false, null, "it does not carry the signer's certificate");
            }
            X509CertificateHolder holder = certificates.iterator().next();
            X509Certificate certificate = PackSigner.x509(holder);
            boolean ok = info.verify(new JcaSimpleSignerInfoVerifierBuilder().build(holder));
            return ok ? new PackSignature(true, certificate, null)
                    : new PackSignature(false, certificate, "it does not match the file list");
        } catch (CMSException e) {
            return new PackSignature(false, null, "it does not match the file list or is not a CMS signature ("
                    + e.getMessage() + ")");
        } catch (CertificateException | OperatorCreationException | RuntimeException e) {
            return new PackSignature(false, null, "it cannot be read (" + e.getMessage() + ")");
        }
    }

    static String describe(X509Certificate certificate) {
        return certificate.getSubjectX500Principal().getName() + " (certificate SHA-256 " + PackSigner.fingerprint(certificate)
                + ")";
    }
}
