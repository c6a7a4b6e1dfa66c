package org.ward.connector;

import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class WardApplication {
    public static void main(String[] args) {
        System.out.println("ward");
    }
}
