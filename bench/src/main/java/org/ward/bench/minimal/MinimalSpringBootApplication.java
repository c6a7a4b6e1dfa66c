package org.ward.bench.minimal;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The yardstick of the start-up benchmark: Spring Boot's smallest application (spring-boot-starter alone on its class
 * path, an empty context), started and closed, as {@code start.spring.io} generates it.
 */
@SpringBootApplication
public class MinimalSpringBootApplication {

    public static void main(String[] args) {
        SpringApplication.run(MinimalSpringBootApplication.class, args).close();
    }
}
