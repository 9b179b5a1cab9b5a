import { useCheapPasswordHashing } from "./src/testing";

useCheapPasswordHashing();
