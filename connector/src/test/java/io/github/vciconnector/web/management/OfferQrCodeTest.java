package io.github.vciconnector.web.management;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import io.github.vciconnector.support.ConnectorIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.github.vciconnector.web.management.OffersApiTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** GET /offers/{id}/qr and POST /offers?qr=true: what the images encode is read back with ZXing. */
class OfferQrCodeTest extends ConnectorIntegrationTest {

    private final TestManagementClient client = new TestManagementClient(this::managementUri, null);

    @Test
    void qrWhenNoAcceptThenPngThatDecodesToTheCredentialOfferUri() throws Exception {
        JsonNode offer = client.createOffer(TestManagementClient.OFFER);

        HttpResponse<byte[]> response = client.getBytes("/offers/" + offer.get("offer_id").asString() + "/qr");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(response.body()));
        assertThat(image.getWidth()).isEqualTo(QrCodes.DEFAULT_SIZE);
        assertThat(decode(image)).isEqualTo(offer.get("credential_offer_uri").asString());
    }

    @Test
    void qrWhenSizeGivenThenImageOfThatSize() throws Exception {
        JsonNode offer = client.createOffer(TestManagementClient.OFFER);

        HttpResponse<byte[]> response = client.getBytes("/offers/" + offer.get("offer_id").asString() + "/qr?size=512");

        BufferedImage image = ImageIO.read(new ByteArrayInputStream(response.body()));
        assertThat(image.getWidth()).isEqualTo(512);
        assertThat(decode(image)).isEqualTo(offer.get("credential_offer_uri").asString());
    }

    @Test
    void qrWhenAcceptSvgThenSvgWhoseModulesDecodeToTheCredentialOfferUri() throws Exception {
        JsonNode offer = client.createOffer(TestManagementClient.OFFER);

        HttpResponse<byte[]> response = client.getBytes("/offers/" + offer.get("offer_id").asString() + "/qr",
                "Accept", "image/svg+xml");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("image/svg+xml");
        String svg = new String(response.body(), StandardCharsets.UTF_8);
        assertThat(svg).startsWith("<svg").contains("shape-rendering=\"crispEdges\"", "width=\"300\"");
        assertThat(decode(rasterize(svg))).isEqualTo(offer.get("credential_offer_uri").asString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"127", "1025", "0", "-5", "big"})
    void qrWhenSizeOutOfBoundsThenProblemNamingSize(String size) {
        JsonNode offer = client.createOffer(TestManagementClient.OFFER);

        HttpResponse<String> response = client.get("/offers/" + offer.get("offer_id").asString() + "/qr?size=" + size);

        assertThat(response.statusCode()).isEqualTo(400);
        assertProblem(response, "invalid-parameter");
        assertThat(TestManagementClient.json(response).get("field").asString()).isEqualTo("size");
    }

    @Test
    void qrWhenOfferCancelledThenConflictProblem() {
        String offerId = client.createOffer(TestManagementClient.OFFER).get("offer_id").asString();
        client.delete("/offers/" + offerId);

        HttpResponse<String> response = client.get("/offers/" + offerId + "/qr");

        assertThat(response.statusCode()).isEqualTo(409);
        assertProblem(response, "offer-ended");
    }

    @Test
    void qrWhenOfferUnknownThenNotFoundProblem() {
        HttpResponse<String> response = client.get("/offers/unknown/qr");

        assertThat(response.statusCode()).isEqualTo(404);
        assertProblem(response, "offer-not-found");
    }

    @Test
    void createWhenQrRequestedThenPngDataUriOfTheCredentialOfferUri() throws Exception {
        JsonNode offer = client.createOffer(TestManagementClient.OFFER);
        JsonNode withQr = TestManagementClient.json(client.post("/offers?qr=true", TestManagementClient.OFFER));

        String dataUri = withQr.get("qr_code").asString();
        assertThat(dataUri).startsWith("data:image/png;base64,");
        byte[] png = Base64.getDecoder().decode(dataUri.substring("data:image/png;base64,".length()));
        assertThat(decode(ImageIO.read(new ByteArrayInputStream(png)))).isEqualTo(withQr.get("credential_offer_uri").asString());
        assertThat(offer.has("qr_code")).isFalse();
    }

    /**
     * Reads a QR code back. The images here are pure renderings (no camera, no skew), so PURE_BARCODE reads the
     * modules directly; without it the finder-pattern detector misses some random payloads now and then.
     */
    static String decode(BufferedImage image) throws Exception {
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))),
                Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE, DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
    }

    /** Draws the module runs of our SVG path ("M x y h n v1 h-n z") at 4 pixels per module. */
    private static BufferedImage rasterize(String svg) {
        Matcher viewBox = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"").matcher(svg);
        assertThat(viewBox.find()).isTrue();
        int scale = 4;
        var image = new BufferedImage(Integer.parseInt(viewBox.group(1)) * scale, Integer.parseInt(viewBox.group(2)) * scale,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setColor(Color.BLACK);
        Matcher run = Pattern.compile("M(\\d+) (\\d+)h(\\d+)v1h-\\d+z").matcher(svg);
        while (run.find()) {
            g.fillRect(Integer.parseInt(run.group(1)) * scale, Integer.parseInt(run.group(2)) * scale,
                    Integer.parseInt(run.group(3)) * scale, scale);
        }
        g.dispose();
        return image;
    }
}
