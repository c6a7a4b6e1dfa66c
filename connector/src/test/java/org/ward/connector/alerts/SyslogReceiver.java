package org.ward.connector.alerts;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;

import org.ward.simulator.tls.CertificateAuthority;

/**
 * A real syslog receiver over TLS on loopback (RFC 5425): reads octet-counted frames ({@code LENGTH SP MESSAGE}) and
 * keeps each message, as an rsyslog forwarder in front of the Azure Monitor Agent would take them.
 */
final class SyslogReceiver implements AutoCloseable {

    private final SSLServerSocket server;
    private final List<String> messages = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    SyslogReceiver(CertificateAuthority authority) throws Exception {
        char[] password = "receiver".toCharArray();
        KeyStore keys = authority.serverKeyStore(password);
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(keys, password);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(factory.getKeyManagers(), null, null);
        server = (SSLServerSocket) tls.getServerSocketFactory().createServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(this::accept, "syslog-receiver");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    List<String> messages() {
        return List.copyOf(messages);
    }

    private void accept() {
        while (!server.isClosed()) {
            try (Socket socket = server.accept()) {
                DataInputStream in = new DataInputStream(socket.getInputStream());
                while (true) {
                    ByteArrayOutputStream length = new ByteArrayOutputStream();
                    int b;
                    while ((b = in.read()) != -1 && b != ' ') {
                        length.write(b);
                    }
                    if (b == -1) {
                        break;
                    }
                    byte[] message = new byte[Integer.parseInt(length.toString(StandardCharsets.US_ASCII))];
                    in.readFully(message);
                    messages.add(new String(message, StandardCharsets.UTF_8));
                }
            } catch (IOException | NumberFormatException e) {
                // a closed server or a broken frame: the test's assertions show what arrived
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
